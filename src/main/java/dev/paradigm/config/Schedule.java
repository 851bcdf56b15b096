package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The learning-rate schedule after warm-up (train.schedule). */
public enum Schedule {
    COSINE,
    CONSTANT;

    /** The YAML spelling, e.g. "cosine". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Schedule of(String text) {
        return ConfigEnums.parse(Schedule.class, text);
    }
}
