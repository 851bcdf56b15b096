package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What goes between two stories when they are concatenated (data.separator): an end-of-story token, or
 * nothing.
 */
public enum Separator {
    EOS,
    NONE;

    /** The YAML spelling, e.g. "eos". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Separator of(String text) {
        return ConfigEnums.parse(Separator.class, text);
    }
}
