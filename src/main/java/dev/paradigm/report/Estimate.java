package dev.paradigm.report;

/** A measured value with its 95% confidence interval, as {@code metrics.json} writes it. */
public record Estimate(double value, double ciLow, double ciHigh) {

    /** True when the two 95% intervals share at least one point, i.e. the difference is not clear. */
    public boolean overlaps(Estimate other) {
        return ciLow <= other.ciHigh && other.ciLow <= ciHigh;
    }
}
