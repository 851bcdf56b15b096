package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where the training text comes from (data.source). */
public enum Source {
    GENERATED,
    HUB,
    TEXT,
    JSONL,
    PARQUET;

    /** The YAML spelling, e.g. "generated". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Source of(String text) {
        return ConfigEnums.parse(Source.class, text);
    }
}
