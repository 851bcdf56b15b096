package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Self-BLEU smoothing (evaluate.smoothing): none, or Chen and Cherry's method 1 (as NLTK's
 * SmoothingFunction().method1). The metrics use it as it is; the one enum for the config key and the computation.
 */
public enum Smoothing {
    /** NLTK's {@code method0}: a zero-match precision becomes {@code sys.float_info.min} (the score ≈ 0). */
    NONE,
    /** NLTK's {@code method1}: a zero-match precision becomes {@code 0.1 / denominator}. */
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
