package dev.paradigm.config;

/**
 * The {@code sample.confidence} section: the settings of the confidence-ordered MDLM sampler
 * ({@code sample.mdlm_sampler: confidence}, the published study's sampler); the other samplers ignore them. At
 * noise level t the sampler divides the logit of every token id revealed c times in the sample by
 * min(repetitionPenalty^c, repetitionCap), then all logits by the temperature
 * max(sample.temperature · (finalTemperatureRatio + (1 − finalTemperatureRatio) · t), minTemperature).
 *
 * @param repetitionPenalty     the base of the repetition divisor; 1 turns it off (dividing a negative logit raises it)
 * @param repetitionCap         the largest divisor, at least 1
 * @param finalTemperatureRatio the temperature at t = 0 as a share of sample.temperature (it falls linearly in t)
 * @param minTemperature        the temperature never falls below this
 */
public record ConfidenceConfig(double repetitionPenalty, double repetitionCap, double finalTemperatureRatio,
                               double minTemperature) {}
