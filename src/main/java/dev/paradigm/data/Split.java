package dev.paradigm.data;

/** The two halves of a prepared token store. */
public enum Split {
    TRAIN("train"),
    VAL("val");

    private final String key;

    Split(String key) {
        this.key = key;
    }

    /** The name used in {@code manifest.json} and in the file name ({@code train.bin}, {@code val.bin}). */
    public String key() {
        return key;
    }
}
