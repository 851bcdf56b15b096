package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What MDLM minimises (mdlm.loss): {@code nelbo}, the continuous-time bound (each masked token's -log p weighted by
 * the schedule's -α'/(1-α), over all B·T positions), a likelihood bound; {@code masked-mean}, the unweighted
 * cross-entropy averaged over the masked tokens of the batch, as the published study (not a bound).
 */
public enum MdlmLoss {
    NELBO,
    MASKED_MEAN;

    /** The YAML spelling, e.g. "nelbo". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static MdlmLoss of(String text) {
        return ConfigEnums.parse(MdlmLoss.class, text);
    }
}
