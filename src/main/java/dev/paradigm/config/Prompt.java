package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What one paradigm's samples start from (sample.ar_prompt, sample.mdlm_prompt): the end-of-story token, as if a new
 * story began ({@code eos}); nothing, unconditional ({@code none}: MDLM only, the AR model needs a token to start
 * from); sample.prompt_text ({@code text}); or the end-of-story token followed by sample.prompt_text
 * ({@code eos-text}).
 */
public enum Prompt {
    EOS,
    NONE,
    TEXT,
    EOS_TEXT;

    /** The YAML spelling, e.g. "eos". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static Prompt of(String text) {
        return ConfigEnums.parse(Prompt.class, text);
    }
}
