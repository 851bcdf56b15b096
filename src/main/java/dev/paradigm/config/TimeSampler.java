package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How MDLM draws each training sequence's noise level t (mdlm.time_sampler): {@code antithetic}, one uniform shared
 * by the batch and spread evenly over [eps, 1) (lower variance, as upstream MDLM); {@code uniform}, independent
 * t ~ U(0, 1), as the published study.
 */
public enum TimeSampler {
    ANTITHETIC,
    UNIFORM;

    /** The YAML spelling, e.g. "antithetic". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static TimeSampler of(String text) {
        return ConfigEnums.parse(TimeSampler.class, text);
    }
}
