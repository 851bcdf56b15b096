package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The name of the set of values a config follows, for the report: {@code controlled} (the confounds between the
 * paradigms removed: same prompts, the NELBO, tied heads) or {@code arche-2026} (the published study's choices, so
 * its numbers can be checked). Only a name: every choice a protocol makes is a key of its own, and nothing behaves
 * differently because of the name.
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
