package dev.paradigm.bench;

import dev.paradigm.engine.Paradigm;
import java.util.List;

/**
 * How much {@code paradigm bench} measures.
 *
 * @param paradigms      the models to benchmark, in order
 * @param warmupSteps    training steps before any timing (absorbs torch.compile, allocator growth, JIT)
 * @param windows        timed windows per loop: the Java and the Python loop each run this many, interleaved
 * @param windowSteps    training steps per window
 * @param sampleCount    samples drawn per sampler (one timed call, after a small warm-up call)
 * @param sampleLength   tokens per sample (capped at model.seq_len)
 * @param repeats        timed repetitions of an evaluation, a checkpoint and a Self-BLEU computation
 * @param syntheticVocab when set, a random token store of this vocabulary replaces the prepared data
 */
public record BenchSettings(
        List<Paradigm> paradigms,
        int warmupSteps,
        int windows,
        int windowSteps,
        int sampleCount,
        int sampleLength,
        int repeats,
        Integer syntheticVocab) {

    public BenchSettings {
        paradigms = List.copyOf(paradigms);
        if (paradigms.isEmpty()) {
            throw new IllegalArgumentException("bench needs at least one paradigm (ar, mdlm or both).");
        }
        requireAtLeast("--warmup-steps", warmupSteps, 1);
        requireAtLeast("--windows", windows, 1);
        requireAtLeast("--window-steps", windowSteps, 1);
        requireAtLeast("--sample-n", sampleCount, 0);
        requireAtLeast("--sample-length", sampleLength, 2);
        requireAtLeast("--repeats", repeats, 1);
        if (syntheticVocab != null && syntheticVocab < 2) {
            throw new IllegalArgumentException("Invalid value '" + syntheticVocab + "' for '--synthetic-vocab': must be at "
                    + "least 2.");
        }
    }

    private static void requireAtLeast(String option, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for '" + option + "': must be at least "
                    + least + ".");
        }
    }
}
