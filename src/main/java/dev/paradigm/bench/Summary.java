package dev.paradigm.bench;

import java.util.Arrays;

/**
 * The median and spread of repeated measurements: minimum, lower quartile, median, upper quartile, maximum.
 *
 * <p>Quartiles interpolate linearly between order statistics (the default of NumPy's {@code percentile} and R's
 * type 7): the p-quantile of sorted values x_0..x_{n-1} is x_i + (h - i)(x_{i+1} - x_i) with h = p(n - 1), i = ⌊h⌋.
 * The median of an even count is therefore the mean of the middle two.
 */
public record Summary(int n, double min, double q1, double median, double q3, double max) {

    /** Summarises {@code values} (at least one, all finite). */
    public static Summary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A summary needs at least one measurement; none were given.");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Measurements must be finite, but " + Arrays.toString(values)
                        + " holds " + v + ".");
            }
        }
        return new Summary(sorted.length, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted[sorted.length - 1]);
    }

    /** The p-quantile of already sorted values, linear interpolation (see the class comment). */
    static double quantile(double[] sorted, double p) {
        double h = p * (sorted.length - 1);
        int i = (int) Math.floor(h);
        if (i + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    /** Upper minus lower quartile. */
    public double iqr() {
        return q3 - q1;
    }

    /** The interquartile range as a share of the median: a unit-free measure of how noisy the windows were. */
    public double relativeIqr() {
        return median == 0 ? Double.NaN : iqr() / median;
    }
}
