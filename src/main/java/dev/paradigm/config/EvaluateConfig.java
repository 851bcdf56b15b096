package dev.paradigm.config;

/**
 * The {@code evaluate} section: how the samples are scored, and when the verdict may compare them.
 *
 * @param bootstrap      bootstrap resamples for the 95% confidence intervals
 * @param smoothing      Self-BLEU smoothing: none | method1
 * @param judge          the model that scores generative perplexity: null uses the run's own AR model (flagged: it
 *                       judges its own samples, so the verdict never rests on it); {@code hf:<folder or hub id>} a
 *                       Hugging Face causal LM; anything else the checkpoint folder of an AR model trained on this
 *                       run's data
 * @param judgeBatchSize texts (chunks of the judge's context) a Hugging Face judge scores at once
 * @param grammarSamples how many samples (the first ones) LanguageTool checks for grammar errors; 0 = none
 *                       (about half a second a sample on a CPU core, so the demo checks a subset)
 * @param fluency        when the two paradigms' samples are fluent enough for their diversity to be compared
 * @param memorization   how much of the samples is copied from the training tokens
 * @param frontier       the quality–diversity frontier: each paradigm sampled at several settings of its knobs
 */
public record EvaluateConfig(int bootstrap, Smoothing smoothing, @Nullable String judge, int judgeBatchSize,
        int grammarSamples, FluencyConfig fluency, MemorizationConfig memorization, FrontierConfig frontier) {}
