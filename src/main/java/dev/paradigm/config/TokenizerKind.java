package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which tokenizer turns text into ids (data.tokenizer): a byte-level BPE trained on the training text, or a
 * local GPT-2 tokenizer.json.
 */
public enum TokenizerKind {
    BPE,
    GPT2;

    /** The YAML spelling, e.g. "bpe". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static TokenizerKind of(String text) {
        return ConfigEnums.parse(TokenizerKind.class, text);
    }
}
