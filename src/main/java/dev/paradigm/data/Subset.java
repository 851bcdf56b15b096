package dev.paradigm.data;

/**
 * The two halves of a prepared token store: the training and the validation tokens. (How the validation half was
 * chosen is the config's {@code data.split}, {@link dev.paradigm.config.Split}.)
 */
public enum Subset {
    TRAIN("train"),
    VAL("val");

    private final String key;

    Subset(String key) {
        this.key = key;
    }

    /** The name used in {@code manifest.json} and in the file name ({@code train.bin}, {@code val.bin}). */
    public String key() {
        return key;
    }
}
