package dev.paradigm.pipeline;

import dev.paradigm.checkpoint.CheckpointException;
import dev.paradigm.checkpoint.CheckpointIndex;
import dev.paradigm.checkpoint.CheckpointStore;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.Hints;
import dev.paradigm.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkpoint with the lowest validation loss, which sampling and the judge model use, verified before use. */
final class BestCheckpoint {
    private BestCheckpoint() {}

    /** The best checkpoint's folder, after its files have been checked against its manifest. */
    static Path of(RunFolder run, Paradigm paradigm) {
        Path folder = run.checkpoints(paradigm);
        CheckpointIndex index = Files.isDirectory(folder) ? CheckpointStore.open(folder, Integer.MAX_VALUE).readIndex().orElse(null) : null;
        if (index == null || (index.best() == null && index.latest() == null)) {
            throw new IllegalStateException("No checkpoint of the " + paradigm + " model in " + folder + ". Run "
                    + Hints.train(run, paradigm) + " first.");
        }
        CheckpointIndex.Entry entry = index.best() != null ? index.best() : index.latest();
        Path best = folder.resolve(entry.folder());
        try {
            return CheckpointStore.verified(best).folder();
        } catch (CheckpointException damaged) {
            throw new CheckpointException(damaged.getMessage() + " Samples are drawn from the best checkpoint (and the AR "
                    + "one judges fluency), so the " + paradigm + " model has to be trained again: run `paradigm compare "
                    + "--config " + run.config() + " --run-dir " + run.root() + " --force train`.", damaged);
        }
    }
}
