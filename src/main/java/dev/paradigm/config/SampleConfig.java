package dev.paradigm.config;

/**
 * The {@code sample} section: how many samples each paradigm generates, and how.
 *
 * @param n           samples per paradigm
 * @param length      tokens per sample, prompt included: from 2 to model.seq_len
 * @param batchSize   samples generated at once
 * @param arPrompt    what AR samples start from: eos | text | eos-text (AR needs at least one token)
 * @param mdlmPrompt  what MDLM samples start from: eos | none | text | eos-text (a controlled comparison gives both
 *                    paradigms the same)
 * @param promptText  the text of the text and eos-text prompts
 * @param temperature softmax temperature, above 0
 * @param topK        keep the k most likely tokens; 0 keeps all
 * @param topP        nucleus mass in (0, 1]; 1 keeps all
 * @param stopAtEos   cut a sample at its first end-of-story token
 * @param mdlmSampler ancestral | cached | confidence
 * @param mdlmSteps   MDLM denoising steps
 * @param float64     draw categoricals in float64 (avoids the float32 Gumbel bias)
 * @param confidence  settings of the confidence sampler
 */
public record SampleConfig(
        int n,
        int length,
        int batchSize,
        Prompt arPrompt,
        Prompt mdlmPrompt,
        @Nullable String promptText,
        double temperature,
        int topK,
        double topP,
        boolean stopAtEos,
        MdlmSampler mdlmSampler,
        int mdlmSteps,
        boolean float64,
        ConfidenceConfig confidence) {}
