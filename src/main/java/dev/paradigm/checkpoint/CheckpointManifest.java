package dev.paradigm.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} inside {@code step-NNNNNN/}: what the checkpoint is (step, config and data
 * hashes, validation loss, position in the batch stream) and every file it consists of, with size and
 * sha256, so a damaged checkpoint is recognised before it is loaded.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"format", "version", "step", "config_hash", "data_hash", "val_loss", "data_position", "created",
        "files", "extra", "config"})
public record CheckpointManifest(
        String format,
        int version,
        long step,
        @JsonProperty("config_hash") String configHash,
        @JsonProperty("data_hash") String dataHash,
        @JsonProperty("val_loss") Double valLoss,
        @JsonProperty("data_position") DataPosition dataPosition,
        String created,
        List<CheckpointFile> files,
        Map<String, Object> extra,
        JsonNode config) {

    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "paradigm-checkpoint";
    public static final int VERSION = 1;

    public CheckpointManifest {
        files = files == null ? List.of() : List.copyOf(files);
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        config = config == null ? null : config.deepCopy();
    }

    /** The resolved config the checkpoint was written under (a copy; null if none was stored). */
    @Override
    public JsonNode config() {
        return config == null ? null : config.deepCopy();
    }

    /**
     * Reads and checks a manifest file.
     *
     * @throws CheckpointException when it cannot be read, is not JSON, or is of another format or version
     */
    public static CheckpointManifest read(Path file) {
        CheckpointManifest manifest;
        try {
            manifest = CheckpointJson.MAPPER.readValue(Files.readAllBytes(file), CheckpointManifest.class);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("The checkpoint manifest " + file + " is not valid JSON of the expected shape ("
                    + e.getOriginalMessage() + ").", e);
        } catch (IOException e) {
            throw new CheckpointException("The checkpoint manifest " + file + " cannot be read (" + e + ").", e);
        }
        if (manifest == null || !FORMAT.equals(manifest.format()) || manifest.version() != VERSION) {
            throw new CheckpointException("The checkpoint manifest " + file + " has format '"
                    + (manifest == null ? null : manifest.format()) + "' version " + (manifest == null ? null : manifest.version())
                    + ", expected '" + FORMAT + "' version " + VERSION + ".");
        }
        if (manifest.configHash() == null || manifest.dataHash() == null || manifest.files().isEmpty()) {
            throw new CheckpointException("The checkpoint manifest " + file
                    + " lacks its config_hash, data_hash or file list, which every checkpoint manifest has.");
        }
        return manifest;
    }

    byte[] toJsonBytes() {
        try {
            return CheckpointJson.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("The checkpoint manifest of step " + step
                    + " cannot be written as JSON; a value in 'extra' is probably not JSON-serialisable (" + e.getOriginalMessage() + ").", e);
        }
    }
}
