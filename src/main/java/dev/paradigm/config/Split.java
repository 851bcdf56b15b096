package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the validation set is chosen (data.split): a seeded random share of chunks, or the source's own
 * validation split.
 */
public enum Split {
    RANDOM,
    DATASET;

    /** The YAML spelling, e.g. "random". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Split of(String text) {
        return ConfigEnums.parse(Split.class, text);
    }
}
