package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How MDLM masks tokens over time t in [0, 1] (mdlm.schedule): {@code loglinear}, mask rate (1 - eps) t, as upstream
 * MDLM; {@code cosine}, mask rate sin²(πt/2), as the published study.
 */
public enum NoiseSchedule {
    LOGLINEAR,
    COSINE;

    /** The YAML spelling, e.g. "loglinear". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static NoiseSchedule of(String text) {
        return ConfigEnums.parse(NoiseSchedule.class, text);
    }
}
