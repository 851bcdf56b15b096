package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * MDLM's output layer (model.mdlm_head): {@code tied}, it reuses the input embedding, as the AR model's always does,
 * so the two paradigms differ by the mask row only; {@code untied}, a weight matrix of its own, as the published
 * study (38.6M more parameters at its scale).
 */
public enum MdlmHead {
    TIED,
    UNTIED;

    /** The YAML spelling, e.g. "tied". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static MdlmHead of(String text) {
        return ConfigEnums.parse(MdlmHead.class, text);
    }
}
