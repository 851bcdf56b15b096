package dev.paradigm.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * How long Java takes to assemble one training batch, and to chain it into the stream digest.
 *
 * <pre>
 * mvn -o -q -B compile && java -cp target/classes:$(cat cp.txt) dev.paradigm.data.BatchBenchmark [batch] [seqLen] [steps]
 * </pre>
 *
 * <p>It writes a throw-away uint16 token store of random tokens into a temporary folder (16,384
 * chunks, so batches are gathered from scattered places of a 16+ MiB file, not from cache), warms up,
 * then reports the median over many steps.
 */
public final class BatchBenchmark {
    /** Medians in microseconds per step. */
    public record Result(int batchSize, int seqLen, int steps, double assembleMicros, double digestMicros) {
        @Override
        public String toString() {
            return String.format("batch %d x %d, %d steps: assemble median %.1f us, stream digest median %.1f us",
                    batchSize, seqLen, steps, assembleMicros, digestMicros);
        }
    }

    private BatchBenchmark() {}

    public static void main(String[] args) throws IOException {
        int batchSize = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seqLen = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        Path folder = Files.createTempDirectory("paradigm-batch-benchmark");
        try {
            writeRandomStore(folder, seqLen, 16_384, 50_257, 1337);
            TokenStore store = TokenStore.open(folder, TokenStore.Verification.SKIP_SHA256);
            System.out.println(measure(store, batchSize, 500, steps));
        } finally {
            deleteRecursively(folder);
        }
    }

    /** Times {@code steps} calls of {@link BatchAssembler#assemble} and of {@link StreamDigest#update(java.nio.IntBuffer)}. */
    public static Result measure(TokenStore store, int batchSize, int warmupSteps, int steps) {
        BatchSchedule schedule = new BatchSchedule(7, store.trainChunks(), batchSize);
        BatchAssembler assembler = new BatchAssembler(store, schedule);
        StreamDigest digest = StreamDigest.start();
        for (int step = 0; step < warmupSteps; step++) {
            digest.update(assembler.assemble(step));
        }
        long[] assemble = new long[steps];
        long[] chain = new long[steps];
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            assembler.assemble(warmupSteps + i);
            long t1 = System.nanoTime();
            digest.update(assembler.tokens());
            long t2 = System.nanoTime();
            assemble[i] = t1 - t0;
            chain[i] = t2 - t1;
        }
        return new Result(batchSize, store.seqLen(), steps, medianMicros(assemble), medianMicros(chain));
    }

    /** A store of uniformly random tokens (uint16), seeded. */
    static void writeRandomStore(Path folder, int seqLen, int trainChunks, int vocabSize, long seed) throws IOException {
        SplitMix64 random = new SplitMix64(seed);
        int[] train = new int[trainChunks * seqLen];
        for (int i = 0; i < train.length; i++) {
            train[i] = random.nextBelow(vocabSize);
        }
        int[] val = Arrays.copyOf(train, 4 * seqLen);
        TokenStoreWriter.write(folder, "uint16", seqLen, vocabSize, 0, train, val);
    }

    private static double medianMicros(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return median / 1000.0;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
