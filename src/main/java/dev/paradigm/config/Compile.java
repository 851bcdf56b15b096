package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether the model is wrapped in {@code torch.compile} (train.compile): {@code auto} turns it on for CUDA only.
 * YAML writes the other two as the booleans {@code true} and {@code false}, and so does the resolved JSON that
 * Python reads, so Python sees {@code "auto"}, {@code True} or {@code False}.
 */
public enum Compile {
    AUTO,
    TRUE,
    FALSE;

    /** "auto", or a JSON boolean for the other two. */
    @JsonValue
    public Object jsonValue() {
        return switch (this) {
            case AUTO -> "auto";
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
        };
    }

    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads {@code auto}, {@code true} or {@code false}, whether YAML gave a boolean or a string. */
    @JsonCreator
    public static Compile of(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? TRUE : FALSE;
        }
        return ConfigEnums.parse(Compile.class, value == null ? null : value.toString());
    }
}
