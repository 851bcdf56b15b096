package dev.paradigm.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code "metrics"} object of {@code metrics.json} ({@code docs/run-folder.md}): each metric as
 * {@code {"value","ci_low","ci_high"}}, in the contract's order, with {@code "top_first_word"} (a string, or
 * null) right after {@code "top_first_word_share"} (at the end when there is no share).
 */
public final class MetricsJson {
    public static final String TOP_FIRST_WORD = "top_first_word";
    private static final String AFTER = "top_first_word_share";

    private MetricsJson() {}

    public static ObjectNode toJson(MetricsResult result, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        for (Map.Entry<String, Estimate> e : result.metrics().entrySet()) {
            node.set(e.getKey(), mapper.valueToTree(e.getValue()));
            if (e.getKey().equals(AFTER)) {
                node.put(TOP_FIRST_WORD, result.topFirstWord());
            }
        }
        if (!node.has(TOP_FIRST_WORD)) { // no share to follow: the word still belongs in the object
            node.put(TOP_FIRST_WORD, result.topFirstWord());
        }
        return node;
    }

    /** Reads back what {@link #toJson} wrote; a malformed entry is an error naming it. */
    public static MetricsResult fromJson(JsonNode node, ObjectMapper mapper) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Expected the \"metrics\" JSON object of metrics.json; found "
                    + (node == null ? "nothing" : node.getNodeType()) + ".");
        }
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        String topFirstWord = null;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals(TOP_FIRST_WORD)) {
                topFirstWord = e.getValue().isNull() ? null : e.getValue().asText();
                continue;
            }
            JsonNode v = e.getValue();
            if (!v.isObject() || !v.path("value").isNumber() || !v.path("ci_low").isNumber()
                    || !v.path("ci_high").isNumber()) {
                throw new IllegalArgumentException("Metric '" + e.getKey() + "' should be an object with numbers "
                        + "value, ci_low and ci_high; found " + v + ".");
            }
            metrics.put(e.getKey(), mapper.convertValue(v, Estimate.class));
        }
        return new MetricsResult(metrics, topFirstWord);
    }
}
