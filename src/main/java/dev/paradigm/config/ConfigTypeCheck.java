package dev.paradigm.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Checks that each leaf of a merged tree holds a value of its key's type, before binding, so every wrong type is
 * reported at once and by key path ("train.steps: expected an integer, found 'abc'.") rather than as the first
 * Jackson exception.
 */
final class ConfigTypeCheck {
    private static final BigDecimal LARGEST_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    private ConfigTypeCheck() {}

    /**
     * Adds one problem per leaf of {@code tree} whose value cannot be read as its key's type. Whole numbers written
     * with an exponent or a fraction of zero ({@code token_budget: 5e7}, {@code steps: 600.0}) are rewritten in
     * the tree as the integers they are, for the integer keys; 1.5 stays a problem there.
     */
    static void check(ObjectNode tree, List<String> problems) {
        for (ConfigSchema.Leaf leaf : ConfigSchema.leaves()) {
            int dot = leaf.path().lastIndexOf('.');
            ObjectNode parent = dot < 0 ? tree : (ObjectNode) tree.at("/" + leaf.path().substring(0, dot)
                    .replace('.', '/'));
            String key = leaf.path().substring(dot + 1);
            JsonNode node = parent.path(key);
            JsonNode whole = isInteger(leaf.type()) ? asWholeNumber(node)
                    : leaf.isList() && isInteger(leaf.element()) ? wholeNumbers(node) : node;
            if (whole != node) {
                parent.set(key, whole);
                node = whole;
            }
            String problem = problem(leaf, node);
            if (problem != null) {
                problems.add(problem);
            }
        }
    }

    /** {@code node} as an integer node when it holds a whole number in any spelling, else {@code node} itself. */
    static JsonNode asWholeNumber(JsonNode node) {
        if (!(node.isFloatingPointNumber() || node.isTextual())) {
            return node;
        }
        try {
            BigDecimal value = new BigDecimal(node.asText().trim());
            if (value.abs().compareTo(LARGEST_LONG) > 0) { // beyond every integer key; also keeps 1e999999 cheap
                return node;
            }
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0
                    ? BigIntegerNode.valueOf(value.toBigIntegerExact()) : node;
        } catch (NumberFormatException | ArithmeticException notWhole) {
            return node;
        }
    }

    /** A list whose whole numbers are rewritten as {@link #asWholeNumber} does, else {@code node} itself. */
    private static JsonNode wholeNumbers(JsonNode node) {
        if (!node.isArray()) {
            return node;
        }
        com.fasterxml.jackson.databind.node.ArrayNode list = ConfigMappers.JSON.createArrayNode();
        node.forEach(element -> list.add(asWholeNumber(element)));
        return list;
    }

    private static boolean isInteger(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    /** The problem with {@code node} as a value of {@code leaf}, or null when there is none. */
    static String problem(ConfigSchema.Leaf leaf, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return leaf.nullable() ? null : expected(leaf, node);
        }
        if (leaf.isList()) {
            return listProblem(leaf, node);
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

    /** A list key holds a list whose every element reads as the element type. */
    private static String listProblem(ConfigSchema.Leaf leaf, JsonNode node) {
        if (!node.isArray()) {
            return expected(leaf, node);
        }
        ConfigSchema.Leaf element = new ConfigSchema.Leaf(leaf.path(), leaf.element(), false, null);
        for (JsonNode item : node) {
            if (problem(element, item) != null) {
                return leaf.path() + ": expected " + describe(leaf) + ", found " + show(item) + " in the list.";
            }
        }
        return null;
    }

    private static String expected(ConfigSchema.Leaf leaf, JsonNode node) {
        boolean isInt = leaf.type() == int.class || leaf.type() == Integer.class;
        boolean isLong = leaf.type() == long.class || leaf.type() == Long.class;
        if (isLong && node.isIntegralNumber()) { // a whole number that does not fit in 64 bits
            return leaf.path() + ": expected an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    + ", found " + show(node) + ".";
        }
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
        if (leaf.isList() && isInteger(leaf.element())) {
            what = "a list of integers, e.g. [8, 16, 32]";
        } else if (isInteger(type)) {
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
