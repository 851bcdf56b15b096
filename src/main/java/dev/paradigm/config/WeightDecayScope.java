package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which parameters AdamW decays (train.weight_decay_scope): {@code matrices}, the 2-D weights only (linear layers
 * and embeddings; norms and biases are not decayed, as nanoGPT); {@code all}, every parameter, as the published
 * study.
 */
public enum WeightDecayScope {
    MATRICES,
    ALL;

    /** The YAML spelling, e.g. "matrices". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static WeightDecayScope of(String text) {
        return ConfigEnums.parse(WeightDecayScope.class, text);
    }
}
