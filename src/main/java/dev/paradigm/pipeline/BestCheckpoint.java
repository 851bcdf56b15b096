package dev.paradigm.pipeline;

import dev.paradigm.checkpoint.CheckpointIndex;
import dev.paradigm.checkpoint.CheckpointStore;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkpoint with the lowest validation loss, which sampling and the judge model use. */
final class BestCheckpoint {
    private BestCheckpoint() {}

    static Path of(RunFolder run, Paradigm paradigm) {
        Path folder = run.checkpoints(paradigm);
        CheckpointIndex index = Files.isDirectory(folder) ? CheckpointStore.open(folder, Integer.MAX_VALUE).readIndex().orElse(null) : null;
        if (index == null || (index.best() == null && index.latest() == null)) {
            throw new IllegalStateException("No checkpoint of the " + paradigm + " model in " + folder + ". Run `paradigm train "
                    + "--paradigm " + paradigm + " --run-dir " + run.root() + "` first.");
        }
        CheckpointIndex.Entry entry = index.best() != null ? index.best() : index.latest();
        return folder.resolve(entry.folder());
    }
}
