package dev.paradigm.report;

/** Validation likelihood of the sampled checkpoint; {@code bound} is true for MDLM (NELBO, an upper bound). */
public record Validation(double valLoss, double valPpl, boolean bound) {}
