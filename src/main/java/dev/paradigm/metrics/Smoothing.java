package dev.paradigm.metrics;

import java.util.Locale;

/** Self-BLEU smoothing, named as in NLTK's {@code SmoothingFunction} and in {@code evaluate.smoothing}. */
public enum Smoothing {
    /** NLTK's {@code method0}: a zero-match precision becomes {@code sys.float_info.min} (the score ≈ 0). */
    NONE,
    /** NLTK's {@code method1}: a zero-match precision becomes {@code 0.1 / denominator}. */
    METHOD1;

    /** Reads the config value {@code none} or {@code method1} (any case). */
    public static Smoothing parse(String name) {
        if (name != null) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "none":
                    return NONE;
                case "method1":
                    return METHOD1;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("Invalid Self-BLEU smoothing '" + name
                + "': expected 'none' or 'method1'.");
    }

    /** The config spelling: {@code none} or {@code method1}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
