package dev.paradigm.pipeline;

import java.util.List;

/** A stage of an experiment failed; says which one and what had completed (and was kept). */
public final class StageFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StageFailedException(String stage, List<String> completed, RuntimeException cause) {
        super("Stage '" + stage + "' failed: " + cause.getMessage() + "\nCompleted and kept: "
                + (completed.isEmpty() ? "nothing" : String.join(", ", completed))
                + ". Fix the problem and run the same command again: completed stages are skipped.", cause);
    }
}
