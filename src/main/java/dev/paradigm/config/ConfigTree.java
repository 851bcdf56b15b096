package dev.paradigm.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;

/**
 * The configuration as a YAML tree, before it is bound to records: checks its keys against the schema, lays a
 * user's (possibly partial) tree over the defaults, and applies {@code --set key.path=value} overrides. Problems are
 * added to a list rather than thrown, so the user hears of all of them at once.
 */
final class ConfigTree {
    private ConfigTree() {}

    /**
     * Adds a problem for every key of {@code tree} that the schema does not know, and for every section that is not
     * a mapping. {@code origin} names where the tree came from, for the messages.
     */
    static void checkKeys(JsonNode tree, String sectionPath, String origin, List<String> problems) {
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            String path = ConfigSchema.join(sectionPath, field.getKey());
            JsonNode value = field.getValue();
            if (ConfigSchema.isSection(path)) {
                if (value.isObject()) {
                    checkKeys(value, path, origin, problems);
                } else if (!value.isNull()) {
                    problems.add(path + ": expected a section of keys (" + String.join(", ",
                            ConfigSchema.children(path)) + "), found " + ConfigTypeCheck.show(value) + ".");
                }
            } else if (ConfigSchema.leaf(path) == null) {
                problems.add(unknownKey(path, "in " + origin, sectionPath));
            }
        }
    }

    /**
     * Lays {@code user} over {@code base} key by key, recursing into sections, so keys the user left out keep the
     * base's value. A section the user left empty ({@code train:} with nothing under it) changes nothing. Call
     * {@link #checkKeys} first: keys the schema does not know are not copied.
     */
    static void mergeInto(ObjectNode base, JsonNode user, String sectionPath) {
        for (Map.Entry<String, JsonNode> field : user.properties()) {
            String path = ConfigSchema.join(sectionPath, field.getKey());
            if (ConfigSchema.isSection(path)) {
                if (field.getValue().isObject()) {
                    mergeInto((ObjectNode) base.get(field.getKey()), field.getValue(), path);
                }
            } else if (ConfigSchema.leaf(path) != null) {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    /**
     * Applies one {@code key.path=value} override to {@code tree}. The value is read as a YAML scalar: 800 is a
     * number, 3e-4 and 0.5 numbers, true a boolean, null nothing, anything else text (quote it to force text, as in
     * {@code sample.prompt_text='true'}); a list key's value as a list ({@link #parseList}).
     */
    static void applyOverride(ObjectNode tree, String override, List<String> problems) {
        int equals = override.indexOf('=');
        if (equals <= 0) {
            problems.add("--set " + override + ": expected key.path=value, e.g. --set train.steps=800.");
            return;
        }
        String path = override.substring(0, equals).trim();
        String text = override.substring(equals + 1);
        if (ConfigSchema.isSection(path)) {
            problems.add("--set " + override + ": '" + path + "' is a section, not a key; set one of its keys ("
                    + String.join(", ", ConfigSchema.children(path)) + ") as in --set " + path + "."
                    + ConfigSchema.children(path).get(0) + "=....");
            return;
        }
        if (ConfigSchema.leaf(path) == null) {
            String section = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            problems.add(unknownKey(path, "in --set " + override, section));
            return;
        }
        ObjectNode parent = tree;
        String[] keys = path.split("\\.");
        for (int i = 0; i < keys.length - 1; i++) {
            parent = (ObjectNode) parent.get(keys[i]);
        }
        parent.set(keys[keys.length - 1], ConfigSchema.leaf(path).isList() ? parseList(text) : parseScalar(text));
    }

    /** A list value on the command line: YAML's {@code [8, 16]}, or the bare {@code 8,16}; one value is a list of one. */
    static JsonNode parseList(String text) {
        try {
            JsonNode node = ConfigMappers.YAML.readTree(text.strip().startsWith("[") ? text : "[" + text + "]");
            return node != null && node.isArray() ? node : TextNode.valueOf(text);
        } catch (JsonProcessingException notYaml) {
            return TextNode.valueOf(text);
        }
    }

    /** A command-line value read as YAML would read it after "key: ". */
    static JsonNode parseScalar(String text) {
        if (text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = ConfigMappers.YAML.readTree(text);
            // "a: b" or "[1, 2]" would parse as a mapping or a list; on the command line they are meant as text.
            return node == null || node.isContainerNode() || node.isMissingNode() ? TextNode.valueOf(text) : node;
        } catch (JsonProcessingException notYaml) {
            return TextNode.valueOf(text);
        }
    }

    private static String unknownKey(String path, String where, String sectionPath) {
        String section = sectionPath;
        while (!ConfigSchema.isSection(section)) { // "trian.steps": list the top level's keys
            section = section.contains(".") ? section.substring(0, section.lastIndexOf('.')) : "";
        }
        String message = "Unknown key '" + path + "' " + where;
        String keys = "the keys of " + (section.isEmpty() ? "the top level" : section) + " are "
                + String.join(", ", ConfigSchema.children(section)) + ".";
        return KeySuggestions.closest(path)
                .map(suggestion -> message + "; did you mean '" + suggestion + "'?")
                .orElse(message + "; " + keys);
    }
}
