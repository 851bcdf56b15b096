package dev.paradigm.report;

/**
 * One {@code "kind":"eval"} line of {@code metrics.jsonl}. {@code valLoss} is nats per token: the exact
 * next-token NLL for AR, the NELBO (an upper bound) for MDLM.
 */
public record EvalPoint(long step, double valLoss, double valPpl, double trainLoss, double evalS) {}
