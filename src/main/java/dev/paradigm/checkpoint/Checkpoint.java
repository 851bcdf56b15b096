package dev.paradigm.checkpoint;

import java.nio.file.Path;

/** A committed checkpoint: its folder and its manifest. Python's {@code Engine.load} takes {@link #folder()}. */
public record Checkpoint(Path folder, CheckpointManifest manifest) {
    public long step() {
        return manifest.step();
    }

    /** The validation loss at this step, or null. */
    public Double valLoss() {
        return manifest.valLoss();
    }

    public DataPosition dataPosition() {
        return manifest.dataPosition();
    }
}
