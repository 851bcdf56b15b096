package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a text file (data.source: text) separates its stories (data.text_format): {@code <|endoftext|>} between them
 * (TinyStories' own files), blank lines, or one story per line; auto detects which from the file's start.
 */
public enum TextFormat {
    AUTO,
    EOT,
    BLANK_LINE,
    LINE;

    /** The YAML spelling, e.g. "blank-line". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static TextFormat of(String text) {
        return ConfigEnums.parse(TextFormat.class, text);
    }
}
