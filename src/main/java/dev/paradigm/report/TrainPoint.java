package dev.paradigm.report;

/** One {@code "kind":"train"} line of {@code metrics.jsonl}: the training loss at a log interval. */
public record TrainPoint(long step, double loss, double gradNorm, double lr, double tokensPerS, double elapsedS) {}
