package dev.paradigm.bench;

import dev.paradigm.config.Smoothing;
import dev.paradigm.metrics.Bootstrap;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.metrics.MetricsSettings;
import dev.paradigm.metrics.NltkSelfBleuReference;
import dev.paradigm.metrics.ResampledSelfBleu;
import dev.paradigm.metrics.SampleMetrics;
import dev.paradigm.metrics.SelfBleu;
import dev.paradigm.metrics.TokenCorpus;
import dev.paradigm.metrics.WordTokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Exact all-pairs Self-BLEU in Java against NLTK, on 1,000 seeded synthetic samples of about 100 words.
 *
 * <p>Java: the whole computation from texts (tokenising included), median of 5 runs after one warm-up.
 * NLTK: {@code sentence_bleu} for the first 50 hypotheses, each against all 999 others, then multiplied by
 * 1000 / 50: the extrapolated time of all 1,000, said as such in the table. The 50 NLTK scores are also
 * compared with Java's. Last, the bootstrap that resamples the samples and recomputes all-pairs Self-BLEU on each
 * of 1,000 resamples ({@link ResampledSelfBleu}).
 *
 * <p>It lives in the test tree because NLTK's reference ({@link NltkSelfBleuReference}) does; run it with
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.paradigm.bench.MetricsBenchmark [python] [script]
 * </pre>
 * {@code paradigm bench} times the Java side alone, on the same texts ({@link HostBenchmark}).
 */
public final class MetricsBenchmark {
    static final int SAMPLES = HostBenchmark.SELF_BLEU_SAMPLES;
    static final int NLTK_HYPOTHESES = 50;
    static final int RUNS = 5;
    static final int RESAMPLES = 1000;

    private MetricsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path python = Path.of(args.length > 0 ? args[0] : System.getProperty("paradigm.python", ".venv/bin/python"));
        Path script = Path.of(args.length > 1 ? args[1]
                : System.getProperty("paradigm.home", ".") + "/" + NltkSelfBleuReference.SCRIPT);
        System.out.println(run(python, script));
    }

    /** Runs the benchmark and returns the table; NLTK is skipped (and the table says why) when it cannot run. */
    public static String run(Path python, Path script) throws InterruptedException {
        List<String> texts = HostBenchmark.selfBleuTexts();
        Smoothing smoothing = Smoothing.METHOD1;
        double[] javaScores = SelfBleu.scores(TokenCorpus.ofWords(texts), smoothing); // warm-up
        double[] seconds = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            javaScores = SelfBleu.scores(TokenCorpus.ofWords(texts), smoothing);
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double javaMedian = seconds[RUNS / 2];
        long words = TokenCorpus.ofWords(texts).totalTokens();
        long facadeStart = System.nanoTime();
        // Stand-in token ids: one per word (its hash), about as many as a model's ids for such texts.
        int[][] ids = texts.stream().map(t -> WordTokenizer.words(t).stream().mapToInt(String::hashCode).toArray())
                .toArray(int[][]::new);
        SampleMetrics.compute(texts, ids, MetricsSettings.defaults(HostBenchmark.TEXT_SEED));
        double facadeSeconds = (System.nanoTime() - facadeStart) / 1e9;

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Self-BLEU (BLEU-4, smoothing %s) over all pairs of %d samples, "
                + "%d words in all (Zipf vocabulary of 4000 words, seed %d)%n", smoothing, SAMPLES,
                words, HostBenchmark.TEXT_SEED));
        table.append(String.format(Locale.ROOT, "%-58s %12s%n", "implementation", "seconds"));
        table.append(String.format(Locale.ROOT, "%-58s %12.4f%n", "Java exact, linear (median of " + RUNS + ")",
                javaMedian));
        table.append(String.format(Locale.ROOT, "%-58s %12.4f%n", "Java exact, linear (fastest of " + RUNS + ")",
                seconds[0]));
        table.append(String.format(Locale.ROOT, "%-58s %12.4f%n",
                "Java SampleMetrics.compute, 1000 resamples (1 cold run)", facadeSeconds));
        TokenCorpus corpus = TokenCorpus.ofWords(texts);
        long resampleStart = System.nanoTime();
        Estimate interval = new Bootstrap(SAMPLES, RESAMPLES, HostBenchmark.TEXT_SEED).ofPooled(new ResampledSelfBleu(corpus, smoothing));
        double resampleSeconds = (System.nanoTime() - resampleStart) / 1e9;
        Estimate naive = new Bootstrap(SAMPLES, RESAMPLES, HostBenchmark.TEXT_SEED).ofMean(javaScores);
        table.append(String.format(Locale.ROOT, "%-58s %12.4f%n",
                "Java Self-BLEU, " + RESAMPLES + " resamples of the samples (1 cold run)", resampleSeconds));
        table.append(String.format(Locale.ROOT, "Java Self-BLEU = %.6f; 95%% interval, samples resampled: [%.6f, %.6f]; "
                + "per-sample scores resampled as if independent: [%.6f, %.6f]%n",
                Arrays.stream(javaScores).average().orElseThrow(), interval.ciLow(), interval.ciHigh(), naive.ciLow(),
                naive.ciHigh()));
        try {
            NltkSelfBleuReference.Result nltk = NltkSelfBleuReference.run(python, script, texts, NLTK_HYPOTHESES,
                    List.of(smoothing), 3600);
            double measured = nltk.seconds().get(smoothing);
            double extrapolated = measured * SAMPLES / NLTK_HYPOTHESES;
            double[] reference = nltk.scores().get(smoothing);
            double maxDiff = 0.0;
            for (int i = 0; i < reference.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(reference[i] - javaScores[i]));
            }
            table.append(String.format(Locale.ROOT, "%-58s %12.4f%n",
                    "NLTK " + nltk.nltkVersion() + " sentence_bleu, " + NLTK_HYPOTHESES + " hyps x " + (SAMPLES - 1)
                            + " refs (measured)", measured));
            table.append(String.format(Locale.ROOT, "%-58s %12.1f%n",
                    "NLTK, all " + SAMPLES + " hyps (EXTRAPOLATED x" + SAMPLES / NLTK_HYPOTHESES + ")", extrapolated));
            table.append(String.format(Locale.ROOT, "speed-up (NLTK extrapolated / Java median): %.0fx%n",
                    extrapolated / javaMedian));
            table.append(String.format(Locale.ROOT, "max |Java - NLTK| over the %d NLTK hypotheses: %.2e%n",
                    reference.length, maxDiff));
        } catch (java.io.IOException | IllegalStateException e) {
            table.append("NLTK: not run (").append(e.getMessage()).append(")\n");
        }
        return table.toString();
    }
}
