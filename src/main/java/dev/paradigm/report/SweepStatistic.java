package dev.paradigm.report;

import java.util.List;

/**
 * One headline number across seeds: the per-seed values, their mean and their sample standard deviation
 * (n − 1 in the denominator, as for any estimate from a handful of seeds; null with a single seed).
 */
public record SweepStatistic(String key, List<Double> values, double mean, Double std) {

    public SweepStatistic {
        values = List.copyOf(values);
    }

    public static SweepStatistic of(String key, List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A sweep statistic needs at least one value; \"" + key + "\" has none.");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        if (values.size() < 2) {
            return new SweepStatistic(key, values, mean, null);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new SweepStatistic(key, values, mean, Math.sqrt(squares / (values.size() - 1)));
    }
}
