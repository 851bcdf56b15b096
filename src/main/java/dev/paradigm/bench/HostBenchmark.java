package dev.paradigm.bench;

import dev.paradigm.data.TokenStore;
import dev.paradigm.metrics.SelfBleu;
import dev.paradigm.config.Smoothing;
import dev.paradigm.metrics.TokenCorpus;
import java.util.List;

/**
 * The Java-only work of a run, timed: exact all-pairs Self-BLEU over 1,000 samples (seeded Zipf texts of 80–120
 * words, the same as the test tree's {@code MetricsBenchmark}, which also times NLTK on them), and batch assembly
 * plus the stream digest per training step ({@link BatchBenchmark}) on the token store being benchmarked.
 */
public final class HostBenchmark {
    static final int SELF_BLEU_SAMPLES = 1000;
    static final long TEXT_SEED = 20260127L;
    private static final int BATCH_WARMUP_STEPS = 200;
    private static final int BATCH_STEPS = 2000;

    /**
     * @param selfBleuSeconds exact Self-BLEU (BLEU-4, method1) of 1,000 samples, tokenising included, per repetition
     * @param selfBleuWords   words in the 1,000 samples
     * @param batch           median µs to assemble one batch and to chain it into the digest
     */
    public record Result(Summary selfBleuSeconds, long selfBleuWords, BatchBenchmark.Result batch) {}

    private HostBenchmark() {}

    public static Result run(TokenStore store, int batchSize, int repeats) {
        List<String> texts = selfBleuTexts();
        SelfBleu.scores(TokenCorpus.ofWords(texts), Smoothing.METHOD1); // warm-up (JIT)
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            SelfBleu.scores(TokenCorpus.ofWords(texts), Smoothing.METHOD1);
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        long words = TokenCorpus.ofWords(texts).totalTokens();
        BatchBenchmark.Result batch = BatchBenchmark.measure(store, batchSize, BATCH_WARMUP_STEPS, BATCH_STEPS);
        return new Result(Summary.of(seconds), words, batch);
    }

    /** The 1,000 seeded texts whose Self-BLEU is timed (a Zipf vocabulary of 4,000 words, 80–120 words each). */
    static List<String> selfBleuTexts() {
        return new ZipfTextGenerator(4000, 1.1, TEXT_SEED).texts(SELF_BLEU_SAMPLES, 80, 120);
    }
}
