package dev.paradigm.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    private static final String CONFIG_HASH = "c0ffee";
    private static final String CONFIG = "{\"seed\": 1337, \"train\": {\"lr\": 0.001, \"steps\": 600}, \"model\": {\"n_layer\": 4}}";
    private static final String DATA_HASH = "da7a";
    private static final String DIGEST = "ab".repeat(32);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void commitSealsEveryFileIntoTheManifestAndRenamesTheFolder() throws IOException {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        Path staging = store.beginWrite(200);
        assertTrue(staging.getFileName().toString().startsWith(".tmp-step-000200-"), staging.toString());
        writeEngineFiles(staging, "weights-200");
        Files.createDirectories(staging.resolve("extra"));
        Files.writeString(staging.resolve("extra/state.bin"), "xyz");

        Checkpoint checkpoint = store.commit(staging, info(200, 2.5));

        Path folder = temp.resolve("checkpoints/step-000200");
        assertEquals(folder, checkpoint.folder());
        assertFalse(Files.exists(staging), "the temporary folder was renamed, not copied");
        JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
        assertEquals("paradigm-checkpoint", manifest.get("format").asText());
        assertEquals(200, manifest.get("step").asLong());
        assertEquals(CONFIG_HASH, manifest.get("config_hash").asText());
        assertEquals(DATA_HASH, manifest.get("data_hash").asText());
        assertEquals(2.5, manifest.get("val_loss").asDouble());
        assertEquals(200, manifest.get("data_position").get("step").asLong());
        assertEquals(DIGEST, manifest.get("data_position").get("stream_digest").asText());
        assertEquals(12.5, manifest.get("extra").get("elapsed_s").asDouble());
        assertEquals(0.001, manifest.get("config").get("train").get("lr").asDouble());
        List<String> names = new ArrayList<>();
        for (JsonNode file : manifest.get("files")) {
            String name = file.get("name").asText();
            names.add(name);
            byte[] bytes = Files.readAllBytes(folder.resolve(name));
            assertEquals(bytes.length, file.get("size").asLong(), name);
            assertEquals(sha256(bytes), file.get("sha256").asText(), name);
        }
        assertEquals(List.of("extra/state.bin", "model.safetensors", "model_args.json", "optimizer.pt", "rng.pt"), names);
        // "weights-200" is 11 bytes.
        assertEquals(11, manifest.get("files").get(1).get("size").asLong());
    }

    @Test
    void retentionKeepsTheLastKPlusTheBestAndTheIndexSaysSo() throws IOException {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        commit(store, 100, 3.0);
        commit(store, 200, 2.0);
        commit(store, 300, 2.5);
        // last two {200, 300}, best 200: step 100 is gone.
        assertEquals(List.of("step-000200", "step-000300"), stepFolders(store.folder()));
        commit(store, 400, 2.6);
        commit(store, 500, null);
        // last two {400, 500} plus the best (200, loss 2.0); 300 is gone.
        assertEquals(List.of("step-000200", "step-000400", "step-000500"), stepFolders(store.folder()));

        JsonNode index = JSON.readTree(store.folder().resolve("index.json").toFile());
        assertEquals(500, index.get("latest").get("step").asLong());
        assertEquals("step-000500", index.get("latest").get("folder").asText());
        assertTrue(index.get("latest").get("val_loss").isNull());
        assertEquals(200, index.get("best").get("step").asLong());
        assertEquals(2.0, index.get("best").get("val_loss").asDouble());
        List<Long> listed = new ArrayList<>();
        index.get("checkpoints").forEach(entry -> listed.add(entry.get("step").asLong()));
        assertEquals(List.of(200L, 400L, 500L), listed);
        assertEquals(500, store.readIndex().orElseThrow().latest().step());
        assertEquals(List.of(200L, 400L, 500L), store.list().stream().map(Checkpoint::step).toList());
    }

    @Test
    void aLeftoverTemporaryFolderIsIgnoredAndThenCleanedUp() throws IOException {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        commit(store, 100, 3.0);
        Path interrupted = store.beginWrite(200); // the process "dies" while Python writes
        writeEngineFiles(interrupted, "half");

        assertEquals(100, store.findResumable(CONFIG_HASH, CONFIG, DATA_HASH).checkpoint().orElseThrow().step());
        CheckpointStore reopened = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        assertFalse(Files.exists(interrupted));
        assertEquals(List.of("index.json", "step-000100"), entries(reopened.folder()));
        assertEquals(100, reopened.findResumable(CONFIG_HASH, CONFIG, DATA_HASH).checkpoint().orElseThrow().step());
    }

    @Test
    void aCommitInterruptedBeforeTheRenameLeavesNoStepFolder() throws IOException {
        AtomicBoolean crash = new AtomicBoolean(false);
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 2, () -> {
            if (crash.get()) {
                throw new IllegalStateException("simulated crash");
            }
        });
        commit(store, 100, 3.0);
        crash.set(true);
        Path staging = store.beginWrite(200);
        writeEngineFiles(staging, "weights-200");
        assertThrows(IllegalStateException.class, () -> store.commit(staging, info(200, 2.0)));

        assertFalse(Files.exists(store.folder().resolve("step-000200")));
        assertEquals(100, store.readIndex().orElseThrow().latest().step());
        CheckpointStore reopened = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        assertEquals(List.of("index.json", "step-000100"), entries(reopened.folder()));
        assertEquals(100, reopened.findResumable(CONFIG_HASH, CONFIG, DATA_HASH).checkpoint().orElseThrow().step());
    }

    @Test
    void damagedCheckpointsAreSkippedWithAReasonAndTheNewestIntactOneIsUsed() throws IOException {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 5);
        commit(store, 100, 3.0);
        commit(store, 200, 2.0);
        commit(store, 300, 1.9);
        commit(store, 400, 1.8);
        commit(store, 500, 1.7);
        flipOneByte(store.folder().resolve("step-000500/model.safetensors"));
        Files.delete(store.folder().resolve("step-000400/optimizer.pt"));
        Files.writeString(store.folder().resolve("step-000300/rng.pt"), "rng-3000"); // one byte longer than "rng-300"
        Files.writeString(store.folder().resolve("step-000200/manifest.json"), "{not json");

        ResumeSearch search = store.findResumable(CONFIG_HASH, CONFIG, DATA_HASH);

        assertEquals(100, search.checkpoint().orElseThrow().step());
        assertEquals(DIGEST, search.checkpoint().orElseThrow().dataPosition().streamDigest());
        List<String> skipped = search.skipped();
        assertEquals(4, skipped.size(), skipped.toString());
        String flipped = sha256(Files.readAllBytes(store.folder().resolve("step-000500/model.safetensors")));
        assertTrue(skipped.get(0).contains("step-000500") && skipped.get(0).contains("model.safetensors has sha256 " + flipped),
                skipped.get(0));
        assertTrue(skipped.get(1).contains("step-000400") && skipped.get(1).contains("optimizer.pt is missing"), skipped.get(1));
        assertTrue(skipped.get(2).contains("step-000300") && skipped.get(2).contains("rng.pt holds 8 bytes, the manifest records 7"),
                skipped.get(2));
        assertTrue(skipped.get(3).contains("step-000200") && skipped.get(3).contains("is not valid JSON"), skipped.get(3));
    }

    @Test
    void aCheckpointFromAnotherConfigIsRefusedNamingTheKeysThatDiffer() throws IOException {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        commit(store, 100, 3.0);
        String changed = "{\"seed\": 1337, \"train\": {\"lr\": 0.002}, \"model\": {\"n_layer\": 4, \"dropout\": 0.1}}";

        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> store.findResumable("beef", changed, DATA_HASH));

        List<String> expected = List.of("model.dropout (checkpoint absent, now 0.1)", "train.lr (checkpoint 0.001, now 0.002)",
                "train.steps (checkpoint 600, now absent)");
        assertEquals(expected, e.differingKeys());
        assertTrue(e.getMessage().contains("config sha256 c0ffee in the checkpoint, beef now"), e.getMessage());
        assertTrue(e.getMessage().contains("Differing keys: " + String.join("; ", expected)), e.getMessage());
        assertTrue(e.getMessage().contains("step-000100"), e.getMessage());
    }

    @Test
    void aMismatchIsRefusedEvenWhenAnOlderCheckpointWouldMatch() throws IOException {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 3);
        commit(store, 100, 3.0);
        Path staging = store.beginWrite(200);
        writeEngineFiles(staging, "w");
        store.commit(staging, new CheckpointInfo(200, "other", "{\"seed\": 1}", DATA_HASH, null, new DataPosition(200, DIGEST), null));
        assertThrows(CheckpointMismatchException.class, () -> store.findResumable(CONFIG_HASH, CONFIG, DATA_HASH));
    }

    @Test
    void aCheckpointOnOtherDataIsRefusedNamingBothHashes() throws IOException {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        commit(store, 100, 3.0);
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> store.findResumable(CONFIG_HASH, CONFIG, "feed"));
        assertTrue(e.getMessage().contains("data manifest sha256 da7a in the checkpoint, feed now"), e.getMessage());
        assertTrue(e.differingKeys().isEmpty());
    }

    @Test
    void anEmptyFolderHasNothingToResume() {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        ResumeSearch search = store.findResumable(CONFIG_HASH, CONFIG, DATA_HASH);
        assertTrue(search.checkpoint().isEmpty());
        assertTrue(search.skipped().isEmpty());
        assertTrue(store.readIndex().isEmpty());
    }

    @Test
    void committingAStepAgainReplacesTheOldCheckpoint() throws IOException {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        commit(store, 100, 3.0);
        flipOneByte(store.folder().resolve("step-000100/model.safetensors"));
        Path staging = store.beginWrite(100);
        writeEngineFiles(staging, "weights-100-again");
        store.commit(staging, info(100, 2.9));
        Checkpoint found = store.findResumable(CONFIG_HASH, CONFIG, DATA_HASH).checkpoint().orElseThrow();
        assertEquals(2.9, found.valLoss());
        assertEquals("weights-100-again", Files.readString(found.folder().resolve("model.safetensors")));
        assertEquals(List.of("index.json", "step-000100"), entries(store.folder()));
    }

    @Test
    void badCommitsAndSettingsAreRefusedWithReasons() throws IOException {
        IllegalArgumentException keep = assertThrows(IllegalArgumentException.class,
                () -> CheckpointStore.open(temp.resolve("c"), 0));
        assertTrue(keep.getMessage().contains("Invalid keep_last 0: must be at least 1"), keep.getMessage());

        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 2);
        Path empty = store.beginWrite(100);
        CheckpointException none = assertThrows(CheckpointException.class, () -> store.commit(empty, info(100, 1.0)));
        assertTrue(none.getMessage().contains("is empty"), none.getMessage());

        Path wrongStep = store.beginWrite(300);
        writeEngineFiles(wrongStep, "w");
        IllegalArgumentException notOurs = assertThrows(IllegalArgumentException.class, () -> store.commit(wrongStep, info(400, 1.0)));
        assertTrue(notOurs.getMessage().contains("was not made by beginWrite(400)"), notOurs.getMessage());

        Path withManifest = store.beginWrite(500);
        writeEngineFiles(withManifest, "w");
        Files.writeString(withManifest.resolve("manifest.json"), "{}");
        CheckpointException clash = assertThrows(CheckpointException.class, () -> store.commit(withManifest, info(500, 1.0)));
        assertTrue(clash.getMessage().contains("already holds a manifest.json"), clash.getMessage());
    }

    @Test
    void aNonFiniteLossIsStoredAsNullAndNeverBecomesBest() throws IOException {
        CheckpointStore store = CheckpointStore.open(temp.resolve("checkpoints"), 1);
        commit(store, 100, 3.0);
        commit(store, 200, Double.NaN);
        JsonNode manifest = JSON.readTree(store.folder().resolve("step-000200/manifest.json").toFile());
        assertTrue(manifest.get("val_loss").isNull());
        CheckpointIndex index = store.readIndex().orElseThrow();
        assertEquals(100, index.best().step());
        assertEquals(200, index.latest().step());
        assertNull(index.latest().valLoss());
    }

    private static CheckpointInfo info(long step, Double valLoss) {
        return new CheckpointInfo(step, CONFIG_HASH, CONFIG, DATA_HASH, valLoss, new DataPosition(step, DIGEST),
                Map.of("elapsed_s", 12.5));
    }

    private static void commit(CheckpointStore store, long step, Double valLoss) throws IOException {
        Path staging = store.beginWrite(step);
        writeEngineFiles(staging, "weights-" + step);
        store.commit(staging, info(step, valLoss));
    }

    /** Stand-ins for what Engine.save writes. */
    private static void writeEngineFiles(Path folder, String weights) throws IOException {
        Files.writeString(folder.resolve("model.safetensors"), weights);
        Files.writeString(folder.resolve("optimizer.pt"), "adam-" + weights);
        Files.writeString(folder.resolve("rng.pt"), "rng-" + weights.replace("weights-", ""));
        Files.writeString(folder.resolve("model_args.json"), "{\"n_layer\": 4}");
    }

    private static void flipOneByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] ^= 0x20;
        Files.write(file, bytes);
    }

    private static List<String> stepFolders(Path folder) throws IOException {
        return entries(folder).stream().filter(name -> name.startsWith("step-")).toList();
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
