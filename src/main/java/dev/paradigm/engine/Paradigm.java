package dev.paradigm.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The two generation paradigms being compared. */
public enum Paradigm {
    AR,
    MDLM;

    /** The lower-case name used in file names, configs, run-folder files and on the command line. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Paradigm of(String text) {
        for (Paradigm p : values()) {
            if (p.id().equalsIgnoreCase(text.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown paradigm '" + text + "': expected one of "
                + Arrays.stream(values()).map(Paradigm::id).collect(Collectors.joining(", ")) + ".");
    }

    @Override
    public String toString() {
        return id();
    }
}
