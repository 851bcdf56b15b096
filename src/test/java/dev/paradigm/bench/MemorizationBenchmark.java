package dev.paradigm.bench;

import dev.paradigm.data.TokenStore;
import dev.paradigm.data.TokenStoreWriter;
import dev.paradigm.memorization.Memorization;
import dev.paradigm.memorization.SampleOverlap;
import dev.paradigm.memorization.TrainIndex;
import dev.paradigm.metrics.Bootstrap;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * How long the memorization index takes to build over a paper-sized training split, and to answer a paradigm's
 * samples, and how much heap it takes against {@link TrainIndex#estimateBytes}.
 *
 * <p>A stand-alone benchmark, so it lives in the test tree; run it with
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * nice java -Xmx600m -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.paradigm.bench.MemorizationBenchmark [tokens] [runs]
 * </pre>
 *
 * <p>The training split is written as a uint16 token store of 512-token chunks and indexed from its memory map, as
 * in a run. Its ids are Zipf-like over GPT-2's 50,257 (id of rank r drawn with weight 1/r), and, as stories
 * repeat phrases, a fifth of the tokens are copies of earlier passages of 8 to 64 tokens: the suffix sort then meets
 * long common prefixes and the queries long matches. The queries are 1,000 samples of 128 tokens: half fresh
 * Zipf draws, half stitched from training passages (long copies). Seeded; prints the median of the runs.
 */
public final class MemorizationBenchmark {
    static final int VOCAB = 50_257;
    static final int SEQ_LEN = 512;
    static final int SAMPLES = 1000;
    static final int SAMPLE_LENGTH = 128;
    private static final long SEED = 20260127L;

    private MemorizationBenchmark() {}

    public static void main(String[] args) throws IOException {
        long tokens = args.length > 0 ? Long.parseLong(args[0]) : 50_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int chunks = (int) (tokens / SEQ_LEN);
        Path folder = Files.createTempDirectory("paradigm-memorization-benchmark");
        try {
            long t0 = System.nanoTime();
            int[][] samples = writeStore(folder, chunks);
            System.out.printf(Locale.ROOT, "synthetic store: %,d training tokens (%,d chunks of %d), written in %.1f s%n",
                    (long) chunks * SEQ_LEN, chunks, SEQ_LEN, (System.nanoTime() - t0) / 1e9);
            TokenStore store = TokenStore.open(folder, TokenStore.Verification.SKIP_SHA256);
            double[] build = new double[runs];
            double[] buildCpu = new double[runs];
            double[] query = new double[runs];
            double[] summary = new double[runs];
            long[] peak = new long[runs];
            long estimate = TrainIndex.estimateBytes((long) chunks * SEQ_LEN, SEQ_LEN, VOCAB);
            for (int r = 0; r < runs; r++) {
                System.gc();
                long before = heapUsed();
                resetPeaks();
                long b0 = System.nanoTime();
                long c0 = cpuNanos();
                TrainIndex index = TrainIndex.build(store);
                build[r] = (System.nanoTime() - b0) / 1e9;
                buildCpu[r] = (cpuNanos() - c0) / 1e9;
                peak[r] = heapPeak() - before;
                long q0 = System.nanoTime();
                long copied = 0;
                for (int[] sample : samples) {
                    copied += SampleOverlap.measure(index, sample, new int[] {8, 16, 32}).copied()[0];
                }
                query[r] = (System.nanoTime() - q0) / 1e9;
                long s0 = System.nanoTime();
                var result = Memorization.measure(index, samples, Memorization.ORDERS, new Bootstrap(SAMPLES, 1000, SEED));
                summary[r] = (System.nanoTime() - s0) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: build %.2f s (CPU %.2f s), peak heap %.0f MiB, query %.3f s, measure+bootstrap "
                        + "%.3f s (copied 8-grams %d; share %s; longest span %d)%n", r + 1, build[r], buildCpu[r], peak[r] / 1048576.0,
                        query[r], summary[r], copied, result.copiedShare().get(8), result.maxSpan());
            }
            System.out.printf(Locale.ROOT, "median of %d: build %.2f s (CPU %.2f s: the machine may be shared), query of %d samples x %d tokens %.3f s "
                    + "(%.1f us a position), measure with 1000 bootstrap resamples %.3f s%n", runs, median(build), median(buildCpu),
                    SAMPLES, SAMPLE_LENGTH, median(query), median(query) * 1e6 / (SAMPLES * SAMPLE_LENGTH), median(summary));
            System.out.printf(Locale.ROOT, "peak heap during the build (sum of the heap pools' peaks, minus the heap in "
                    + "use before): max %.0f MiB; TrainIndex.estimateBytes: %.0f MiB; JVM max heap %.0f MiB%n",
                    Arrays.stream(peak).max().orElseThrow() / 1048576.0, estimate / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Writes the training store and returns the query samples (drawn from the same generator). */
    private static int[][] writeStore(Path folder, int chunks) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] cumulative = new double[VOCAB];
        double total = 0;
        for (int rank = 1; rank <= VOCAB; rank++) {
            total += 1.0 / rank;
            cumulative[rank - 1] = total;
        }
        int[] train = new int[chunks * SEQ_LEN];
        for (int i = 0; i < train.length; ) {
            if (i > 1000 && random.nextInt(144) == 0) { // an earlier passage of 36 tokens on average: a fifth of all
                int length = Math.min(8 + random.nextInt(57), train.length - i);
                int from = random.nextInt(i - length);
                System.arraycopy(train, from, train, i, length);
                i += length;
            } else {
                train[i++] = zipf(random, cumulative);
            }
        }
        int[][] samples = new int[SAMPLES][SAMPLE_LENGTH];
        for (int s = 0; s < SAMPLES; s++) {
            for (int p = 0; p < SAMPLE_LENGTH; ) {
                if (s % 2 == 1 && random.nextInt(4) != 0) { // a passage of the training tokens
                    int length = Math.min(4 + random.nextInt(60), SAMPLE_LENGTH - p);
                    System.arraycopy(train, random.nextInt(train.length - length), samples[s], p, length);
                    p += length;
                } else {
                    samples[s][p++] = zipf(random, cumulative);
                }
            }
        }
        TokenStoreWriter.write(folder, "uint16", SEQ_LEN, VOCAB, VOCAB - 1, train, Arrays.copyOf(train, SEQ_LEN));
        return samples;
    }

    private static int zipf(SplittableRandom random, double[] cumulative) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return index >= 0 ? index : -index - 1;
    }

    /** CPU time of this thread: the build is single-threaded, so this is its cost on a machine others also use. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long heapUsed() {
        return pools().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static long heapPeak() {
        return pools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static void resetPeaks() {
        pools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static Stream<MemoryPoolMXBean> pools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
