package dev.paradigm.report;

/**
 * The training stage's early-stop analysis, copied from the summary line. {@code overfitStep} is null when
 * no overfitting was detected; {@code lastEvalsSlope} (loss per step over the last evaluations) may be null
 * when there were too few evaluations to fit one.
 */
public record OverfitAnalysis(long bestStep, double bestValLoss, boolean overfit, Long overfitStep,
                              boolean stillImproving, Double lastEvalsSlope) {}
