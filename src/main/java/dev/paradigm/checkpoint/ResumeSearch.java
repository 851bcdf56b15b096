package dev.paradigm.checkpoint;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of looking for a checkpoint to resume from.
 *
 * @param found the newest intact checkpoint, or null when there is none (start from step 0)
 * @param skipped one sentence for each newer checkpoint passed over as damaged (also logged as warnings)
 */
public record ResumeSearch(Checkpoint found, List<String> skipped) {
    public ResumeSearch {
        skipped = List.copyOf(skipped);
    }

    public Optional<Checkpoint> checkpoint() {
        return Optional.ofNullable(found);
    }
}
