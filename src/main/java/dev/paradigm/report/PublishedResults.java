package dev.paradigm.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published AR-versus-MDLM comparison this project reproduces ({@code arche-2026}): its numbers at paper scale
 * (12 layers × 768 wide, 512-token sequences, 20,000 steps of batch 32, TinyStories), as its code measured them
 * (../shared/reference/arche-study-code.md): validation is the training loss on the first 1,600 validation chunks
 * (MDLM's an unweighted masked cross-entropy, not a bound), throughput the whole loop's wall clock, diversity over
 * 1,000 samples of 128 tokens with Self-BLEU from 200 × 50 sampled pairs without smoothing.
 */
public final class PublishedResults {

    /** The published numbers of one paradigm; {@code diversity} uses the metric names of metrics.json. */
    public record Paradigm(long params, double trainMinutes, double tokensPerS, double bestValCe, long bestStep,
                           List<Double> valCeEvery2000, Map<String, Double> diversity) {}

    /** Validation was published every 2,000 steps, from step 2,000 to step 20,000. */
    public static final long EVAL_EVERY = 2_000;
    public static final int SAMPLES = 1_000;
    public static final int SAMPLE_TOKENS = 128;

    public static final Paradigm AR = new Paradigm(123_551_232L, 107.89, 50_619.7, 1.5893, 14_000,
            List.of(2.6600, 2.0466, 1.8365, 1.7258, 1.6646, 1.6331, 1.5893, 1.6029, 1.6266, 1.6224),
            diversity(0.0530, 0.2748, 0.5313, 0.7005, 0.3412, 5_360, 0.002, 0.033, 101.2));

    public static final Paradigm MDLM = new Paradigm(162_739_968L, 112.97, 48_342.6, 3.4119, 20_000,
            List.of(3.9519, 3.8406, 3.5848, 3.5284, 3.5086, 3.5267, 3.4908, 3.4549, 3.4192, 3.4119),
            diversity(0.0580, 0.2972, 0.5420, 0.6903, 0.3343, 5_754, 0.361, 0.934, 99.2));

    private PublishedResults() {}

    private static Map<String, Double> diversity(double d1, double d2, double d3, double d4, double selfBleu,
                                                 double vocabulary, double firstWords, double openings5,
                                                 double meanWords) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("distinct_1", d1);
        values.put("distinct_2", d2);
        values.put("distinct_3", d3);
        values.put("distinct_4", d4);
        values.put("self_bleu_sampled", selfBleu); // the study's Self-BLEU is the sampled variant, unsmoothed
        values.put("vocabulary", vocabulary);
        values.put("distinct_first_words", firstWords);
        values.put("distinct_openings_5", openings5);
        values.put("mean_words", meanWords);
        return java.util.Collections.unmodifiableMap(values);
    }
}
