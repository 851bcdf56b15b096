package dev.paradigm.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.checkpoint.CheckpointInfo;
import dev.paradigm.checkpoint.CheckpointStore;
import dev.paradigm.checkpoint.DataPosition;
import dev.paradigm.data.TokenStore;
import dev.paradigm.data.TokenStoreWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A judge model from elsewhere must read this run's token ids. */
class JudgeCheckTest {

    private static TokenStore store(Path dir, int vocab) throws Exception {
        TokenStoreWriter.write(dir, "uint16", 4, vocab, 0, new int[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {1, 2, 3, 4});
        return TokenStore.open(dir);
    }

    /** A committed checkpoint (with its manifest) whose model_args.json says what the judge is. */
    private static Path checkpoint(Path dir, String paradigm, int vocab) throws Exception {
        CheckpointStore store = CheckpointStore.open(dir, 1);
        Path files = store.beginWrite(10);
        Files.writeString(files.resolve("model_args.json"),
                "{\"paradigm\": \"" + paradigm + "\", \"model\": {\"vocab_size\": " + vocab + "}}");
        return store.commit(files, new CheckpointInfo(10, "c".repeat(64), null, "d".repeat(64), 4.2,
                new DataPosition(10, "e".repeat(64)), Map.of())).folder();
    }

    @Test
    void aJudgeWithTheSameVocabularyIsAccepted(@TempDir Path tmp) throws Exception {
        Path judge = checkpoint(tmp.resolve("judge"), "ar", 300);
        assertEquals(judge, Fluency.checkedJudge(judge, store(tmp.resolve("data"), 300)));
    }

    @Test
    void aJudgeWithAnotherVocabularyIsRefused(@TempDir Path tmp) throws Exception {
        Path judge = checkpoint(tmp.resolve("judge"), "ar", 500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fluency.checkedJudge(judge, store(tmp.resolve("data"), 300)));
        assertTrue(e.getMessage().contains("vocabulary of 500 tokens but this run's tokenizer has 300"), e.getMessage());
    }

    @Test
    void anMdlmJudgeIsRefused(@TempDir Path tmp) throws Exception {
        Path judge = checkpoint(tmp.resolve("judge"), "mdlm", 300);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fluency.checkedJudge(judge, store(tmp.resolve("data"), 300)));
        assertTrue(e.getMessage().contains("needs an AR model"), e.getMessage());
    }

    /** Judges are loaded like every checkpoint: only once their files match their manifest. */
    @Test
    void aJudgeChangedAfterItWasWrittenIsRefused(@TempDir Path tmp) throws Exception {
        Path judge = checkpoint(tmp.resolve("judge"), "ar", 300);
        Files.writeString(judge.resolve("model_args.json"), "{\"paradigm\": \"ar\", \"model\": {\"vocab_size\": 301}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fluency.checkedJudge(judge, store(tmp.resolve("data"), 300)));
        assertTrue(e.getMessage().startsWith("evaluate.judge=" + judge + ": The checkpoint " + judge + " does not match its "
                + "manifest: model_args.json has sha256 "), e.getMessage());
    }

    @Test
    void aFolderThatIsNoCheckpointIsRefused(@TempDir Path tmp) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fluency.checkedJudge(tmp.resolve("nothing"), store(tmp.resolve("data"), 300)));
        assertTrue(e.getMessage().contains("is not a checkpoint folder"), e.getMessage());
    }
}
