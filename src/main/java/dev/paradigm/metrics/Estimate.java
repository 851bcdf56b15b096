package dev.paradigm.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A metric's value with its 95% bootstrap interval; serialised as {@code {"value","ci_low","ci_high"}}. */
public record Estimate(
        @JsonProperty("value") double value,
        @JsonProperty("ci_low") double ciLow,
        @JsonProperty("ci_high") double ciHigh) {

    @JsonCreator
    public Estimate {
        if (Double.isNaN(value) || Double.isNaN(ciLow) || Double.isNaN(ciHigh)) {
            throw new IllegalArgumentException("An estimate must be a number; found value " + value
                    + " with interval [" + ciLow + ", " + ciHigh + "].");
        }
        if (ciLow > ciHigh) {
            throw new IllegalArgumentException("An interval's low end must not exceed its high end; found ["
                    + ciLow + ", " + ciHigh + "].");
        }
    }

    /**
     * The interval cut to the metric's range: the bias-shifted interval of a pooled share ({@link Bootstrap#ofPooled})
     * can reach past it (a Distinct-1 of 1.0 with an upper end of 1.2).
     */
    public Estimate clampedTo(double low, double high) {
        return new Estimate(value, Math.max(low, Math.min(high, ciLow)), Math.max(low, Math.min(high, ciHigh)));
    }

    /** True when the two 95% intervals share at least one point, i.e. the difference is not clear. */
    public boolean overlaps(Estimate other) {
        return ciLow <= other.ciHigh && other.ciLow <= ciHigh;
    }

    public boolean contains(double x) {
        return ciLow <= x && x <= ciHigh;
    }

    public double width() {
        return ciHigh - ciLow;
    }
}
