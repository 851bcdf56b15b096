package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Self-BLEU smoothing (evaluate.smoothing): none, or Chen and Cherry's method 1 (as NLTK's
 * SmoothingFunction().method1).
 */
public enum Smoothing {
    NONE,
    METHOD1;

    /** The YAML spelling, e.g. "none". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Smoothing of(String text) {
        return ConfigEnums.parse(Smoothing.class, text);
    }
}
