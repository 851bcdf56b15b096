package dev.paradigm.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One line of {@code frontier.jsonl} ({@link FrontierFile} writes and reads them): a sample drawn at one setting of
 * the quality–diversity frontier. The sample's own fields are those of a {@link SampleLine} (at the top level); its
 * {@code sampler} holds the setting's values (the temperature or MDLM step count that this point turns, and
 * {@code n}, the samples drawn at it).
 *
 * @param point the setting's index, from 0, in the order the frontier draws them
 * @param knob  the knob this setting turns
 */
public record FrontierLine(int point, Knob knob, @JsonUnwrapped SampleLine sample) {

    /** A knob of the frontier: a sampler setting that trades quality for diversity. */
    public enum Knob {
        /** sample.temperature (both paradigms). */
        TEMPERATURE,
        /** sample.mdlm_steps (MDLM). */
        MDLM_STEPS;

        /** The spelling in the files: the config key's name. */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Knob of(String key) {
            for (Knob k : values()) {
                if (k.key().equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown frontier knob '" + key + "': expected temperature or mdlm_steps.");
        }
    }
}
