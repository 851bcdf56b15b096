package dev.paradigm.metrics;

import java.util.Arrays;
import java.util.Random;

/**
 * 95% confidence intervals by resampling the samples with replacement, seeded.
 *
 * <p>Every metric of one call sees the same resamples (a resample is how many times each sample was drawn).
 * Intervals are the 2.5% and 97.5% percentiles of the resampled statistic, interpolated linearly between
 * order statistics (NumPy's default {@code percentile}).
 *
 * <p>Means ({@link #ofMean}) use the plain percentile interval. Pooled set sizes such as distinct n-grams
 * ({@link #ofPooled}) cannot: a resample holds only about 63% of the samples (the rest are duplicates, which
 * add no new n-grams), so every resampled value lies far below the real one and the percentile interval
 * would not even contain it. For those the resampled values are shifted by the bootstrap's estimate of
 * that bias (their mean minus the point value) before taking percentiles: the bootstrap supplies the
 * spread, the full sample set the centre.
 *
 * <p>A pooled statistic over pairs of samples (Self-BLEU scores each sample against the others) must not let two
 * copies of one sample in a resample pair with each other: a copy would match itself perfectly. {@link
 * ResampledSelfBleu} says why and how.
 */
public final class Bootstrap {
    private static final double LOW = 0.025;
    private static final double HIGH = 0.975;
    private final int[][] draws; // [resample][sample]: times the sample was drawn

    public Bootstrap(int samples, int resamples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("A bootstrap needs at least 1 sample; found " + samples + ".");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("The number of bootstrap resamples (evaluate.bootstrap) must be "
                    + "at least 1; found " + resamples + ".");
        }
        Random random = new Random(seed);
        draws = new int[resamples][samples];
        for (int[] draw : draws) {
            for (int i = 0; i < samples; i++) {
                draw[random.nextInt(samples)]++;
            }
        }
    }

    public int samples() {
        return draws[0].length;
    }

    public int resamples() {
        return draws.length;
    }

    /** The mean of {@code perSample} with its percentile interval. */
    public Estimate ofMean(double[] perSample) {
        if (perSample.length != samples()) {
            throw new IllegalArgumentException("Expected one value per sample (" + samples() + "); found "
                    + perSample.length + ".");
        }
        double[] resampled = new double[draws.length];
        for (int b = 0; b < draws.length; b++) {
            double sum = 0.0;
            for (int i = 0; i < perSample.length; i++) {
                sum += draws[b][i] * perSample[i];
            }
            resampled[b] = sum / perSample.length;
        }
        double mean = Arrays.stream(perSample).sum() / perSample.length;
        return new Estimate(mean, percentile(resampled, LOW), percentile(resampled, HIGH));
    }

    /** A statistic of the whole sample set, given how many times each sample was drawn (1 each for the point). */
    @FunctionalInterface
    public interface PooledStatistic {
        double of(int[] timesDrawn);
    }

    /** A pooled statistic with its bias-shifted percentile interval (see the class comment). */
    public Estimate ofPooled(PooledStatistic statistic) {
        int[] everyOnce = new int[samples()];
        Arrays.fill(everyOnce, 1);
        double point = statistic.of(everyOnce);
        double[] resampled = new double[draws.length];
        for (int b = 0; b < draws.length; b++) {
            resampled[b] = statistic.of(draws[b].clone());
        }
        double bias = Arrays.stream(resampled).sum() / resampled.length - point;
        return new Estimate(point, percentile(resampled, LOW) - bias, percentile(resampled, HIGH) - bias);
    }

    /** Linear interpolation between order statistics: NumPy's {@code percentile(method="linear")}. */
    static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = fraction * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
