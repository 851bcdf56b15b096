package dev.paradigm.config;

/**
 * The {@code sample.confidence} section: the settings of the confidence-ordered MDLM sampler
 * ({@code sample.mdlm_sampler: confidence}); the other samplers ignore them.
 *
 * @param repetitionPenalty CTRL-style: the logit of a token already in the sample is divided by this if positive,
 *                          multiplied if negative; 1 turns it off
 * @param temperatureEnd    the temperature of the last step: it is annealed linearly from sample.temperature at the
 *                          first step to this
 */
public record ConfidenceConfig(double repetitionPenalty, double temperatureEnd) {}
