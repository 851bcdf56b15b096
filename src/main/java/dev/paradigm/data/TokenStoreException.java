package dev.paradigm.data;

/**
 * A prepared data folder is missing, damaged or from another format version. The message says what
 * was expected, what was found and, where re-preparing fixes it, ends with {@link #PREPARE_HINT}.
 */
public class TokenStoreException extends RuntimeException {
    /** The command that rebuilds a data folder, appended to every message where it is the fix. */
    public static final String PREPARE_HINT = "HINT: run `paradigm prepare --config <your config.yaml>` again to rebuild the data folder.";

    public TokenStoreException(String message) {
        super(message);
    }

    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message followed by the prepare hint on its own line. */
    static TokenStoreException withPrepareHint(String message) {
        return new TokenStoreException(message + "\n" + PREPARE_HINT);
    }

    static TokenStoreException withPrepareHint(String message, Throwable cause) {
        return new TokenStoreException(message + "\n" + PREPARE_HINT, cause);
    }
}
