package dev.paradigm.metrics;

import dev.paradigm.config.Smoothing;

/**
 * How to compute the sample metrics: the seed of every random draw (bootstrap, sampled Self-BLEU), the
 * number of bootstrap resamples ({@code evaluate.bootstrap}) and the Self-BLEU smoothing
 * ({@code evaluate.smoothing}).
 */
public record MetricsSettings(long seed, int bootstrapResamples, Smoothing smoothing) {
    /** The config's default: 1000 resamples, {@code method1}. */
    public static MetricsSettings defaults(long seed) {
        return new MetricsSettings(seed, 1000, Smoothing.METHOD1);
    }

    public MetricsSettings {
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("evaluate.bootstrap must be at least 1 resample; found "
                    + bootstrapResamples + ".");
        }
        if (smoothing == null) {
            throw new IllegalArgumentException("Self-BLEU smoothing is missing; expected none or method1.");
        }
    }

    /** Seed of the bootstrap resamples; the sampled Self-BLEU draws from a different stream. */
    long bootstrapSeed() {
        return seed;
    }

    long sampledSelfBleuSeed() {
        return seed ^ 0x5EEDB1E5L; // any fixed constant: keeps the two streams apart
    }
}
