package dev.paradigm.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Checks that each leaf of a merged tree holds a value of its key's type, before binding, so every wrong type is
 * reported at once and by key path ("train.steps: expected an integer, found 'abc'.") rather than as the first
 * Jackson exception.
 */
final class ConfigTypeCheck {
    private ConfigTypeCheck() {}

    /** Adds one problem per leaf of {@code tree} whose value cannot be read as its key's type. */
    static void check(JsonNode tree, List<String> problems) {
        for (ConfigSchema.Leaf leaf : ConfigSchema.leaves()) {
            JsonNode node = tree.at("/" + leaf.path().replace('.', '/'));
            String problem = problem(leaf, node);
            if (problem != null) {
                problems.add(problem);
            }
        }
    }

    /** The problem with {@code node} as a value of {@code leaf}, or null when there is none. */
    static String problem(ConfigSchema.Leaf leaf, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return leaf.nullable() ? null : expected(leaf, node);
        }
        Object value;
        try {
            value = ConfigMappers.JSON.treeToValue(node, leaf.type());
        } catch (Exception unreadable) { // Jackson's own errors, and the enums' IllegalArgumentException
            return expected(leaf, node);
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            return leaf.path() + ": expected a finite number, found " + show(node) + ".";
        }
        return null;
    }

    private static String expected(ConfigSchema.Leaf leaf, JsonNode node) {
        boolean isInt = leaf.type() == int.class || leaf.type() == Integer.class;
        if (isInt && node.isIntegralNumber()) { // a whole number that does not fit in 32 bits
            return leaf.path() + ": expected an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    + ", found " + show(node) + ".";
        }
        return leaf.path() + ": expected " + describe(leaf) + ", found " + show(node) + ".";
    }

    /** What a key's values look like, in words: "an integer", "one of cosine, constant". */
    static String describe(ConfigSchema.Leaf leaf) {
        Class<?> type = leaf.type();
        String what;
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            what = "an integer";
        } else if (type == double.class || type == Double.class) {
            what = "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            what = "true or false";
        } else if (type == String.class) {
            what = "a text";
        } else if (type.isEnum()) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> enumType = (Class<? extends Enum<?>>) type;
            what = "one of " + ConfigEnums.validNames(enumType);
        } else {
            throw new IllegalStateException("no description for configuration type " + type);
        }
        return leaf.nullable() ? what + " or null" : what;
    }

    /** A value as the user wrote it: 'abc' for text, 1.5 for numbers, "a list" for a list. */
    static String show(JsonNode node) {
        if (node.isMissingNode()) {
            return "nothing";
        } else if (node.isTextual()) {
            return "'" + node.asText() + "'";
        } else if (node.isObject()) {
            return "a section of keys";
        } else if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }
}
