package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the built-in model's weights start (model.init): {@code gpt2}, N(0, 0.02) with the residual projections scaled
 * by 1/sqrt(2 · n_layer) (GPT-2, nanoGPT); {@code pytorch}, what PyTorch's layers do on their own (the published
 * study: Embedding N(0, 1), Linear U(±1/sqrt(fan_in)), so a tied output head starts with logits of std about
 * sqrt(d_model) and an untied one with far smaller ones).
 */
public enum Init {
    GPT2,
    PYTORCH;

    /** The YAML spelling, e.g. "gpt2". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Init of(String text) {
        return ConfigEnums.parse(Init.class, text);
    }
}
