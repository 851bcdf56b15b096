package dev.paradigm.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code checkpoints/index.json}: the checkpoints kept, the latest and the best by validation loss.
 * A convenience for people and reports; resuming scans the folders themselves, so a stale index (a
 * crash between rename and index update) never loses a checkpoint.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"format", "version", "latest", "best", "checkpoints"})
public record CheckpointIndex(String format, int version, Entry latest, Entry best, List<Entry> checkpoints) {
    public static final String FILE_NAME = "index.json";
    public static final String FORMAT = "paradigm-checkpoint-index";
    public static final int VERSION = 1;

    public CheckpointIndex {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** One checkpoint: its step, folder name (relative to the checkpoints folder) and validation loss (or null). */
    @JsonPropertyOrder({"step", "folder", "val_loss"})
    public record Entry(long step, String folder, @JsonProperty("val_loss") Double valLoss) {}
}
