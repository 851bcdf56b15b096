package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which comparison protocol a run follows: {@code controlled} removes the confounds between the paradigms
 * (same prompts, same schedule family, shared head); {@code arche-2026} reproduces the published study's
 * choices so its numbers can be checked.
 */
public enum Protocol {
    CONTROLLED,
    ARCHE_2026;

    /** The YAML spelling, e.g. "controlled". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Protocol of(String text) {
        return ConfigEnums.parse(Protocol.class, text);
    }
}
