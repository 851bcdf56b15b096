package dev.paradigm.config;

/**
 * The {@code evaluate} section: how the samples are scored.
 *
 * @param bootstrap bootstrap resamples for the 95% confidence intervals
 * @param smoothing Self-BLEU smoothing: none | method1
 * @param judge     checkpoint of the AR model that scores generative perplexity; null uses the run's own AR model
 * @param grammarSamples how many samples (the first ones) LanguageTool checks for grammar errors; 0 = none
 *                  (about half a second a sample on a CPU core, so the demo checks a subset)
 */
public record EvaluateConfig(int bootstrap, Smoothing smoothing, @Nullable String judge, int grammarSamples) {}
