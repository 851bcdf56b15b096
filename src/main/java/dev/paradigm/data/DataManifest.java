package dev.paradigm.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a prepared data folder (fields as in {@code docs/boundary.md}).
 * Fields this reader does not know are ignored, so Python may add provenance without breaking Java.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataManifest(
        String format,
        int version,
        Map<String, Object> source,
        TokenizerInfo tokenizer,
        String dtype,
        @JsonProperty("seq_len") int seqLen,
        String separator,
        Stories stories,
        SplitSpec split,
        SplitFile train,
        SplitFile val,
        @JsonProperty("unigram_entropy_nats") double unigramEntropyNats) {

    public static final String FORMAT = "paradigm-tokens";
    public static final int VERSION = 1;

    /** The fields a reader of format version 1 cannot work without, as dotted paths. */
    private static final List<String> REQUIRED = List.of(
            "format", "version", "dtype", "seq_len",
            "tokenizer.vocab_size", "tokenizer.eos_id",
            "train.file", "train.chunks", "train.tokens", "train.sha256", "train.bytes",
            "val.file", "val.chunks", "val.tokens", "val.sha256", "val.bytes");

    private static final ObjectMapper JSON = new ObjectMapper();

    public DataManifest {
        // A record should not hand out a map its reader can change.
        source = source == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TokenizerInfo(
            String kind,
            String file,
            @JsonProperty("vocab_size") int vocabSize,
            @JsonProperty("eos_id") int eosId,
            String sha256) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stories(long read, long kept, @JsonProperty("dropped_short") long droppedShort) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SplitSpec(String kind, @JsonProperty("val_fraction") double valFraction, long seed) {}

    /** One token file: its name inside the data folder, its size in chunks, tokens and bytes, and its hash. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SplitFile(String file, int chunks, long tokens, String sha256, long bytes) {}

    /** The entry of one subset. */
    public SplitFile file(Subset subset) {
        return subset == Subset.TRAIN ? train : val;
    }

    /** Bytes per stored token: 2 for uint16, 4 for int32. */
    public int bytesPerToken() {
        return "uint16".equals(dtype) ? 2 : 4;
    }

    /**
     * Reads, parses and checks the manifest of the data folder {@code folder}.
     *
     * @throws TokenStoreException when the folder or its manifest is missing, or {@link #parse} refuses it
     */
    public static DataManifest read(Path folder) {
        return parse(bytes(folder), folder.resolve(TokenStore.MANIFEST_FILE));
    }

    /** The bytes of {@code folder}'s manifest.json, exactly as stored (its hash identifies the data). */
    static byte[] bytes(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw TokenStoreException.withPrepareHint("The data folder " + folder + " does not exist: the data has not been prepared yet.");
        }
        Path manifestFile = folder.resolve(TokenStore.MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw TokenStoreException.withPrepareHint("The data folder " + folder + " has no " + TokenStore.MANIFEST_FILE
                    + " (" + manifestFile + " does not exist): its preparation did not finish, or it is not a data folder.");
        }
        try {
            return Files.readAllBytes(manifestFile);
        } catch (IOException e) {
            throw new TokenStoreException("Could not read the data manifest " + manifestFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and checks a manifest. {@code origin} names the file in error messages.
     *
     * @throws TokenStoreException when the JSON is malformed, a required field is missing, or the format,
     *     version or dtype is not one this reader understands
     */
    public static DataManifest parse(byte[] json, Path origin) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " is not valid JSON (" + e.getOriginalMessage() + ").", e);
        } catch (IOException e) {
            throw new TokenStoreException("Could not parse the data manifest " + origin + ": " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " should hold a JSON object, but it holds " + (tree == null ? "nothing" : tree.getNodeType()) + ".");
        }
        checkFormatAndVersion(tree, origin);
        List<String> missing = new ArrayList<>();
        for (String path : REQUIRED) {
            if (lookup(tree, path) == null) {
                missing.add(path);
            }
        }
        if (!missing.isEmpty()) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " lacks the field(s) " + String.join(", ", missing)
                            + ", which format version " + VERSION + " requires.");
        }
        DataManifest manifest;
        try {
            manifest = JSON.treeToValue(tree, DataManifest.class);
        } catch (JsonProcessingException e) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " has a field of the wrong type (" + e.getOriginalMessage() + ").", e);
        }
        manifest.checkValues(origin);
        return manifest;
    }

    private static void checkFormatAndVersion(JsonNode tree, Path origin) {
        String format = tree.path("format").asText(null);
        if (!FORMAT.equals(format)) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " has format '" + format + "', expected '" + FORMAT
                            + "': this folder was not written by `paradigm prepare`.");
        }
        JsonNode version = tree.get("version");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " has format version " + version + ", but this paradigm reads version "
                            + VERSION + ".");
        }
    }

    private void checkValues(Path origin) {
        if (!"uint16".equals(dtype) && !"int32".equals(dtype)) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " has dtype '" + dtype + "', expected 'uint16' or 'int32'.");
        }
        if (seqLen <= 0) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " has seq_len " + seqLen + ", expected a positive chunk length.");
        }
        int vocab = tokenizer.vocabSize();
        if (vocab <= 0 || ("uint16".equals(dtype) && vocab > 65536)) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " has vocab_size " + vocab + ", which does not fit dtype " + dtype
                            + " (uint16 holds at most 65536 token ids).");
        }
        if (tokenizer.eosId() < 0 || tokenizer.eosId() >= vocab) {
            throw TokenStoreException.withPrepareHint(
                    "The data manifest " + origin + " has eos_id " + tokenizer.eosId() + ", outside the vocabulary [0, " + vocab + ").");
        }
        for (Subset subset : Subset.values()) {
            SplitFile entry = file(subset);
            if (entry.chunks() < 0 || entry.tokens() != (long) entry.chunks() * seqLen) {
                throw TokenStoreException.withPrepareHint(
                        "The data manifest " + origin + " says " + subset.key() + " has " + entry.chunks() + " chunks and "
                                + entry.tokens() + " tokens, but " + entry.chunks() + " chunks of " + seqLen + " tokens are "
                                + (long) entry.chunks() * seqLen + " tokens.");
            }
        }
    }

    private static JsonNode lookup(JsonNode tree, String dottedPath) {
        JsonNode node = tree;
        for (String part : dottedPath.split("\\.")) {
            node = node.get(part);
            if (node == null || node.isNull()) {
                return null;
            }
        }
        return node;
    }
}
