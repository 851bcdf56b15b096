package dev.paradigm.config;

/**
 * The {@code sample} section: how many samples each paradigm generates, and how.
 *
 * @param n           samples per paradigm
 * @param length      tokens per sample, at most model.seq_len
 * @param batchSize   samples generated at once
 * @param prompt      eos | none | text (under the controlled protocol both paradigms get the same)
 * @param promptText  prompt: text: the prompt
 * @param temperature softmax temperature, above 0
 * @param topK        keep the k most likely tokens; 0 keeps all
 * @param topP        nucleus mass in (0, 1]; 1 keeps all
 * @param stopAtEos   cut a sample at its first end-of-story token
 * @param mdlmSampler ancestral | cached | confidence
 * @param mdlmSteps   MDLM denoising steps
 * @param float64     draw categoricals in float64 (avoids the float32 Gumbel bias)
 */
public record SampleConfig(
        int n,
        int length,
        int batchSize,
        Prompt prompt,
        @Nullable String promptText,
        double temperature,
        int topK,
        double topP,
        boolean stopAtEos,
        MdlmSampler mdlmSampler,
        int mdlmSteps,
        boolean float64) {}
