package dev.paradigm.config;

/**
 * The {@code model} section: the one transformer backbone both paradigms share, and the two choices that only MDLM
 * has (what it is fed besides the tokens, and its output layer).
 *
 * @param nLayer           transformer blocks
 * @param dModel           residual width
 * @param nHead            attention heads; must divide dModel into heads of even width (rotary embeddings)
 * @param dFf              SwiGLU hidden width (about 8/3 of dModel)
 * @param seqLen           tokens per training sequence, at least 2
 * @param timeConditioning MDLM only: feed the noise level t to the model, as a sinusoidal embedding added to the
 *                         input (upstream MDLM ignores t; the published study fed it)
 * @param timeScale        time conditioning: the embedding is [sin, cos](timeScale · t · f) for dModel/2 frequencies
 *                         f (1000, DDPM's timestep scale; the published study fed t itself, 1)
 * @param mdlmHead         MDLM's output layer: tied to its input embedding, or untied (its own weights)
 * @param init             how the built-in model's weights start: gpt2 | pytorch
 * @param normEps          RMSNorm's epsilon
 * @param impl             a user nn.Module factory as a dotted path "package.module:function" (or
 *                         "package.module.function"), or null for the built-in
 */
public record ModelConfig(
        int nLayer,
        int dModel,
        int nHead,
        int dFf,
        int seqLen,
        boolean timeConditioning,
        double timeScale,
        MdlmHead mdlmHead,
        Init init,
        double normEps,
        @Nullable String impl) {}
