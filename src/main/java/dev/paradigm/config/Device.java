package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where the model runs (train.device); {@code auto} picks CUDA when it is available. */
public enum Device {
    AUTO,
    CPU,
    CUDA;

    /** The YAML spelling, e.g. "auto". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Device of(String text) {
        return ConfigEnums.parse(Device.class, text);
    }
}
