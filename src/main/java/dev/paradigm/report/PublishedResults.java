package dev.paradigm.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published AR-versus-MDLM comparison this project reproduces ({@code arche-2026}): its numbers at
 * paper scale (12 layers × 768 wide, 512-token sequences, 20,000 steps of batch 32, TinyStories), shown
 * beside a run of the same scale. Diversity numbers are over 1,000 samples of 128 tokens.
 */
public final class PublishedResults {

    /** The published numbers of one paradigm; {@code diversity} uses the metric names of metrics.json. */
    public record Paradigm(long params, double trainMinutes, double tokensPerS, double bestValLoss, long bestStep,
                           List<Double> valLossEvery2000, Map<String, Double> diversity) {}

    /** Validation loss was published every 2,000 steps, from step 2,000 to step 20,000. */
    public static final long EVAL_EVERY = 2_000;
    public static final int SAMPLES = 1_000;
    public static final int SAMPLE_TOKENS = 128;

    public static final Paradigm AR = new Paradigm(123_551_232L, 107.89, 50_619.7, 1.5893, 14_000,
            List.of(2.660, 2.047, 1.837, 1.726, 1.665, 1.633, 1.589, 1.603, 1.627, 1.622),
            diversity(0.053, 0.275, 0.531, 0.701, 0.341, 5_360, 0.002, 0.033, 101.2));

    public static final Paradigm MDLM = new Paradigm(162_739_968L, 112.97, 48_342.6, 3.4119, 20_000,
            List.of(3.952, 3.841, 3.585, 3.528, 3.509, 3.527, 3.491, 3.455, 3.419, 3.412),
            diversity(0.058, 0.297, 0.542, 0.690, 0.334, 5_754, 0.361, 0.934, 99.2));

    private PublishedResults() {}

    private static Map<String, Double> diversity(double d1, double d2, double d3, double d4, double selfBleu,
                                                 double vocabulary, double firstWords, double openings5,
                                                 double meanWords) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("distinct_1", d1);
        values.put("distinct_2", d2);
        values.put("distinct_3", d3);
        values.put("distinct_4", d4);
        // The study estimated Self-BLEU from sampled pairs; compare with self_bleu_sampled when the run has it.
        values.put("self_bleu", selfBleu);
        values.put("vocabulary", vocabulary);
        values.put("distinct_first_words", firstWords);
        values.put("distinct_openings_5", openings5);
        values.put("mean_words", meanWords);
        return java.util.Collections.unmodifiableMap(values);
    }
}
