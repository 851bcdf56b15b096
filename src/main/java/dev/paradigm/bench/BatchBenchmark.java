package dev.paradigm.bench;

import dev.paradigm.data.BatchAssembler;
import dev.paradigm.data.BatchSchedule;
import dev.paradigm.data.StreamDigest;
import dev.paradigm.data.TokenStore;
import java.util.Arrays;

/**
 * How long Java takes to assemble one training batch, and to chain it into the stream digest: part of
 * {@link HostBenchmark}, run by {@code paradigm bench} on the store being benchmarked (a prepared corpus, or random
 * tokens with {@code --synthetic-vocab}). Warms up, then reports the median over many steps.
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

    private static double medianMicros(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return median / 1000.0;
    }
}
