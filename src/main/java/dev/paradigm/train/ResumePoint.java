package dev.paradigm.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.checkpoint.Checkpoint;
import dev.paradigm.distributed.ProcessGroup;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where training resumes: the step a checkpoint was written at and its folder. Rank 0 chooses it; every rank loads
 * it (the others never search the run folder themselves), so it crosses between ranks as JSON.
 */
record ResumePoint(int step, String folder) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ResumePoint of(Checkpoint checkpoint) {
        return new ResumePoint(Math.toIntExact(checkpoint.step()), checkpoint.folder().toAbsolutePath().toString());
    }

    Path path() {
        return Path.of(folder);
    }

    /** Rank 0's {@code chosen} resume point (empty: start from step 0) on every rank of {@code group}. */
    static Optional<ResumePoint> broadcast(ProcessGroup group, Optional<ResumePoint> chosen) {
        try {
            String json = group.broadcast(JSON.writeValueAsString(chosen.orElse(null)));
            return Optional.ofNullable(JSON.readValue(json, ResumePoint.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The resume point did not survive the broadcast as JSON", e);
        }
    }
}
