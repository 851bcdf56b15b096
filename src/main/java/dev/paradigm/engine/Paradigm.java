package dev.paradigm.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The two generation paradigms being compared. */
public enum Paradigm {
    AR,
    MDLM;

    /** The lower-case name used in file names, configs and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

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
