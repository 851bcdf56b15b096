package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How MDLM unmasks tokens while sampling (sample.mdlm_sampler): {@code ancestral}, upstream MDLM's reverse process;
 * {@code cached}, the same, reusing the last forward pass while no token changed (exact when the model ignores t);
 * {@code confidence}, reveal the most confident drawn tokens first, as the published study (settings in
 * sample.confidence).
 */
public enum MdlmSampler {
    ANCESTRAL,
    CACHED,
    CONFIDENCE;

    /** The YAML spelling, e.g. "ancestral". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static MdlmSampler of(String text) {
        return ConfigEnums.parse(MdlmSampler.class, text);
    }
}
