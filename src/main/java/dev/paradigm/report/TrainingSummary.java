package dev.paradigm.report;

/** The {@code "kind":"summary"} line of {@code metrics.jsonl}: budget, timings, data digest and model size. */
public record TrainingSummary(long steps, long batchSize, long seqLen, long tokens,
                              double trainTimeS, double evalTimeS, double checkpointTimeS, double wallS,
                              double tokensPerS, String dataDigest, long params, double flopsPerToken,
                              OverfitAnalysis analysis) {

    /** steps × batch × seq_len, the token budget the configuration implies. */
    public long plannedTokens() {
        return steps * batchSize * seqLen;
    }
}
