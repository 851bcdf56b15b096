package dev.paradigm.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the configuration's closed sets (the enums of this package) are spelled in YAML: the constant's name in
 * lower case with '_' written as '-', so {@code ARCHE_2026} reads "arche-2026" and {@code JSONL} reads "jsonl".
 */
final class ConfigEnums {
    private ConfigEnums() {}

    /** The YAML spelling of one constant. */
    static String configName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The YAML spellings of every constant of {@code type}, comma-separated, in declaration order. */
    static String validNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    /**
     * The constant spelled {@code text} (ignoring case and surrounding spaces).
     *
     * @throws IllegalArgumentException naming the valid spellings when there is no such constant
     */
    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "expected one of " + validNames(type) + ", found '" + text + "'");
    }
}
