package dev.paradigm.config;

/**
 * The {@code model} section: the one transformer backbone both paradigms share.
 *
 * @param nLayer           transformer blocks
 * @param dModel           residual width
 * @param nHead            attention heads; must divide dModel
 * @param dFf              SwiGLU hidden width (about 8/3 of dModel)
 * @param seqLen           tokens per training sequence
 * @param timeConditioning MDLM only: feed the noise level t to the model (upstream MDLM ignores it too)
 * @param impl             a user nn.Module factory as a dotted path "package.module:function", or null for the built-in
 */
public record ModelConfig(
        int nLayer,
        int dModel,
        int nHead,
        int dFf,
        int seqLen,
        boolean timeConditioning,
        @Nullable String impl) {}
