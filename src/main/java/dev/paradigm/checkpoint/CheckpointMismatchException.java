package dev.paradigm.checkpoint;

import java.nio.file.Path;
import java.util.List;

/**
 * The newest checkpoint of a run was written under another configuration or on other data, so
 * resuming from it would mix two experiments. It is refused, not skipped: falling back to an older
 * checkpoint would hide the change.
 */
public final class CheckpointMismatchException extends CheckpointException {
    private final Path checkpoint;
    private final List<String> differingKeys;

    public CheckpointMismatchException(String message, Path checkpoint, List<String> differingKeys) {
        super(message);
        this.checkpoint = checkpoint;
        this.differingKeys = List.copyOf(differingKeys);
    }

    /** The refused checkpoint folder. */
    public Path checkpoint() {
        return checkpoint;
    }

    /** The dotted config keys that differ, each as {@code key (checkpoint X, now Y)}; empty for a data mismatch. */
    public List<String> differingKeys() {
        return differingKeys;
    }
}
