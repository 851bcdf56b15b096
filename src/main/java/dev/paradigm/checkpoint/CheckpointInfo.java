package dev.paradigm.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the training loop knows about a checkpoint it is committing.
 *
 * @param step optimizer steps completed
 * @param configHash the sha256 of the resolved config
 * @param configJson the resolved config as JSON, stored so a later refusal can name the keys that changed
 * @param dataHash the data manifest hash ({@code TokenStore.manifestHash()})
 * @param valLoss the validation loss at this step, or null when none was measured; a non-finite loss is
 *     stored as null (JSON has no NaN) and such a checkpoint never becomes the best
 * @param dataPosition where the batch stream stands
 * @param extra anything else worth keeping (elapsed time, throughput, …); JSON-serialisable values
 */
public record CheckpointInfo(
        long step,
        String configHash,
        String configJson,
        String dataHash,
        Double valLoss,
        DataPosition dataPosition,
        Map<String, Object> extra) {

    public CheckpointInfo {
        if (step < 0) {
            throw new IllegalArgumentException("Invalid checkpoint step " + step + ": steps count from 0.");
        }
        requireText(configHash, "configHash");
        requireText(dataHash, "dataHash");
        if (dataPosition == null) {
            throw new IllegalArgumentException("A checkpoint needs its data position (step and stream digest), but it was null.");
        }
        if (valLoss != null && !Double.isFinite(valLoss)) {
            valLoss = null;
        }
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A checkpoint needs " + name + ", but it was " + (value == null ? "null" : "blank") + ".");
        }
    }
}
