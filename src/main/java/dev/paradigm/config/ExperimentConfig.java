package dev.paradigm.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fully resolved experiment: every key of {@code configs/demo.yaml}, with the user's values laid over the
 * defaults and validated. Build one with {@link ConfigLoader}; it is immutable, and its JSON (what Python reads)
 * lists every key in a fixed order, so equal configs have equal {@link #hash()}es.
 *
 * @param name     the run's name; its folder is runs/&lt;name&gt;
 * @param seed     the seed of everything the run draws: model init, masking noise, data order, sampling
 * @param protocol the name of the set of values this config follows, for the report: controlled | arche-2026.
 *                 Nothing behaves differently because of the name: every choice a protocol makes is a key.
 */
public record ExperimentConfig(
        String name,
        long seed,
        Protocol protocol,
        DataConfig data,
        ModelConfig model,
        TrainConfig train,
        MdlmConfig mdlm,
        SampleConfig sample,
        EvaluateConfig evaluate) {

    /** The canonical JSON: compact, snake_case, every key, in declaration order. Python receives this. */
    public String toJson() {
        try {
            return ConfigMappers.JSON.writeValueAsString(this);
        } catch (JsonProcessingException impossible) { // records of plain values always serialise
            throw new IllegalStateException("could not write the configuration as JSON", impossible);
        }
    }

    /** The same content as {@link #toJson()}, as block YAML that {@link ConfigLoader} reads back. */
    public String toYaml() {
        try {
            return ConfigMappers.YAML.writeValueAsString(this);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("could not write the configuration as YAML", impossible);
        }
    }

    /** SHA-256 of {@link #toJson()} in UTF-8, as 64 lower-case hex digits. */
    /**
     * The config as far as training depends on it: {@link #toJson()} without the {@code sample} and
     * {@code evaluate} sections, which may change on a trained run. Checkpoints are matched by this, so changing
     * how samples are drawn never makes an interrupted training refuse its checkpoints.
     */
    public String trainingJson() {
        com.fasterxml.jackson.databind.node.ObjectNode tree = ConfigMappers.JSON.valueToTree(this);
        tree.remove("sample");
        tree.remove("evaluate");
        return tree.toString();
    }

    /** sha256 hex of {@link #trainingJson()}. */
    public String trainingHash() {
        return sha256(trainingJson());
    }

    public String hash() {
        return sha256(toJson());
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) { // every Java platform must provide SHA-256
            throw new IllegalStateException(impossible);
        }
    }

    /** This config with another seed (for seed sweeps); everything else is unchanged. */
    public ExperimentConfig withSeed(long newSeed) {
        ExperimentConfig changed = new ExperimentConfig(name, newSeed, protocol, data, model, train, mdlm, sample,
                evaluate);
        ConfigValidator.validate(changed, "withSeed(" + newSeed + ")");
        return changed;
    }

    /**
     * The value of the dotted {@code key} ("train.weight_decay") as YAML would write it: "0.01", "cosine", "null".
     *
     * @throws IllegalArgumentException when the config has no such key
     */
    public String value(String key) {
        JsonNode value = flatten(ConfigMappers.JSON.valueToTree(this)).get(key);
        if (value == null) {
            throw new IllegalArgumentException("The config has no key '" + key + "'.");
        }
        return render(value);
    }

    /**
     * The keys whose values differ between {@code a} and {@code b}, in key order, each as
     * "train.steps: 600 → 800" (a's value first). Empty when the two are equal.
     */
    public static List<String> diff(ExperimentConfig a, ExperimentConfig b) {
        Map<String, JsonNode> left = flatten(ConfigMappers.JSON.valueToTree(a));
        Map<String, JsonNode> right = flatten(ConfigMappers.JSON.valueToTree(b));
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : left.entrySet()) {
            JsonNode other = right.get(entry.getKey());
            if (!entry.getValue().equals(other)) {
                differences.add(entry.getKey() + ": " + render(entry.getValue()) + " → " + render(other));
            }
        }
        return differences;
    }

    private static Map<String, JsonNode> flatten(JsonNode tree) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten(tree, "", leaves);
        return leaves;
    }

    private static void flatten(JsonNode node, String prefix, Map<String, JsonNode> leaves) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = ConfigSchema.join(prefix, field.getKey());
            if (field.getValue().isObject()) {
                flatten(field.getValue(), path, leaves);
            } else {
                leaves.put(path, field.getValue());
            }
        }
    }

    private static String render(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
