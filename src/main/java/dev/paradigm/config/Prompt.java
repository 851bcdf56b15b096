package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What generation starts from (sample.prompt): an end-of-story token, nothing, or sample.prompt_text.
 */
public enum Prompt {
    EOS,
    NONE,
    TEXT;

    /** The YAML spelling, e.g. "eos". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Prompt of(String text) {
        return ConfigEnums.parse(Prompt.class, text);
    }
}
