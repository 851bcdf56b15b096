package dev.paradigm.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON mapper of the run folder's records: Java's camelCase names are the files' snake_case ones (as in
 * the config), and reading is strict: a field the record has but the file lacks, or one the file has but the
 * record lacks, is an error, so a file of another shape is never half read. A diverged loss is written as NaN
 * and read back.
 */
public final class RunJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private RunJson() {}

    /** A record as a JSON tree with the files' field names (for writers that embed it, e.g. report.json). */
    public static JsonNode tree(Object record) {
        return MAPPER.valueToTree(record);
    }

    /**
     * A record's fields with the files' names, in the files' order, nested objects flattened into dotted names
     * ({@code analysis.best_step}): the columns of a table of such records (CSV, TensorBoard tags).
     */
    public static Map<String, JsonNode> fields(Object record) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        flatten("", tree(record), fields);
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        } else {
            into.put(prefix, node);
        }
    }

    /** One line of a JSON Lines file: compact, no line break. */
    static String line(Object record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + record + " as JSON", e); // records of plain values
        }
    }

    /** A whole JSON file, indented for people. */
    static String pretty(Object record) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + record + " as JSON", e);
        }
    }
}
