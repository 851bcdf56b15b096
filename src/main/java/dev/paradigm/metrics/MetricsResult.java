package dev.paradigm.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample metrics of one paradigm: metric name → estimate, in the order of {@code docs/run-folder.md},
 * and the most common first word (a word, not a number, so it is kept apart; null when no sample has a word).
 */
public record MetricsResult(Map<String, Estimate> metrics, String topFirstWord) {
    public MetricsResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The estimate named {@code name}; an unknown name is an error that lists the known ones. */
    public Estimate get(String name) {
        Estimate estimate = metrics.get(name);
        if (estimate == null) {
            throw new IllegalArgumentException("No metric named '" + name + "'; the metrics are "
                    + metrics.keySet() + ".");
        }
        return estimate;
    }
}
