package dev.paradigm.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample metrics of one paradigm: metric name → estimate, in the order of {@code docs/run-folder.md},
 * and the most common first word (a word, not a number, so it is kept apart; null when no sample has a word).
 * In JSON, the {@code "metrics"} object of {@link MetricsJson}.
 */
public record MetricsResult(Map<String, Estimate> metrics, String topFirstWord) {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @JsonValue
    JsonNode toJson() {
        return MetricsJson.toJson(this, JSON);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static MetricsResult fromJson(JsonNode node) {
        return MetricsJson.fromJson(node, JSON);
    }
}
