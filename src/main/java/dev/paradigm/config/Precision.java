package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The arithmetic of training and evaluation on CUDA (train.precision): {@code bf16}, bfloat16 autocast with TF32
 * matmuls; {@code float32}, neither (the published study). On the CPU both compute in float32.
 */
public enum Precision {
    BF16,
    FLOAT32;

    /** The YAML spelling, e.g. "bf16". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Precision of(String text) {
        return ConfigEnums.parse(Precision.class, text);
    }
}
