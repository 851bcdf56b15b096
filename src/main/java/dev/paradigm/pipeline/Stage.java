package dev.paradigm.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The stages of {@code paradigm compare}, in the order they run. */
public enum Stage {
    PREPARE,
    TRAIN,
    SAMPLE,
    EVALUATE,
    REPORT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage of(String text) {
        for (Stage s : values()) {
            if (s.id().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown stage '" + text + "': expected one of "
                + Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", ")) + ".");
    }
}
