package dev.paradigm.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads typed fields from one JSON object and, when one is missing or has the wrong type, fails with a
 * message that says where ({@code where}: file and line) and what was expected.
 */
record Fields(JsonNode node, String where) {

    JsonNode require(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ReportInputException(where + " has no \"" + name + "\" field; expected one in the format of "
                    + "docs/run-folder.md. Found the fields " + fieldNames() + ".");
        }
        return value;
    }

    double requireDouble(String name) {
        JsonNode value = require(name);
        if (!value.isNumber()) {
            throw wrongType(name, "a number", value);
        }
        return value.doubleValue();
    }

    long requireLong(String name) {
        JsonNode value = require(name);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw wrongType(name, "a whole number", value);
        }
        return value.longValue();
    }

    String requireText(String name) {
        JsonNode value = require(name);
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        return value.textValue();
    }

    boolean requireBoolean(String name) {
        JsonNode value = require(name);
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return value.booleanValue();
    }

    Fields requireObject(String name) {
        JsonNode value = require(name);
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        return new Fields(value, where + " (in \"" + name + "\")");
    }

    /** A number that may be absent or null; NaN-free callers check for null. */
    Double optionalDouble(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : requireDouble(name);
    }

    Long optionalLong(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : requireLong(name);
    }

    private ReportInputException wrongType(String name, String expected, JsonNode found) {
        return new ReportInputException(where + ": field \"" + name + "\" should be " + expected + " but is "
                + found + ".");
    }

    private String fieldNames() {
        StringBuilder names = new StringBuilder("[");
        node.fieldNames().forEachRemaining(n -> names.append(names.length() > 1 ? ", " : "").append(n));
        return names.append("]").toString();
    }
}
