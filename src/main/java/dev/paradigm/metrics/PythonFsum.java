package dev.paradigm.metrics;

/**
 * Python's {@code math.fsum}: the correctly rounded sum of doubles (Shewchuk's exact partials, then
 * CPython's correction for a sum that lies exactly half-way between two doubles). NLTK sums the weighted
 * log precisions with it, and a plain left-to-right sum can differ in the last bit.
 */
final class PythonFsum {
    private PythonFsum() {}

    static double fsum(double... values) {
        double[] partials = new double[values.length + 1];
        int count = 0;
        for (double value : values) {
            double x = value;
            int kept = 0;
            for (int j = 0; j < count; j++) {
                double y = partials[j];
                if (Math.abs(x) < Math.abs(y)) {
                    double t = x;
                    x = y;
                    y = t;
                }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0.0) {
                    partials[kept++] = lo;
                }
                x = hi;
            }
            count = kept;
            if (x != 0.0) { // CPython keeps no zero partial; the half-way check below relies on that
                partials[count++] = x;
            }
        }
        return roundPartials(partials, count);
    }

    /** Adds the partials from the largest down; stops when the rest cannot change the result. */
    private static double roundPartials(double[] partials, int count) {
        if (count == 0) {
            return 0.0;
        }
        int n = count - 1;
        double hi = partials[n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        // Half-way case: if the next partial has the same sign as lo, the exact sum is past the half-way
        // point, so round away from it (CPython mathmodule.c, math_fsum_impl).
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
        return hi;
    }
}
