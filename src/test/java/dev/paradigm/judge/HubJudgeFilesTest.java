package dev.paradigm.judge;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator's check of {@code evaluate.judge: hf:...}, in plain Java (no Python, no model loaded). */
class HubJudgeFilesTest {

    private static String refused(String setting) {
        return assertThrows(IllegalArgumentException.class, () -> HubJudge.checkFiles(setting)).getMessage();
    }

    @Test
    void aSavedModelFolderPasses(@TempDir Path tmp) throws Exception {
        for (String file : new String[] {"config.json", "model.safetensors", "tokenizer.json"}) {
            Files.writeString(tmp.resolve(file), "{}");
        }
        HubJudge.checkFiles("hf:" + tmp);
        HubJudge.checkFiles("hf:gpt2-large"); // a hub id: Python's check decides whether it can be had
    }

    @Test
    void missingFolderAndMissingFilesAreNamed(@TempDir Path tmp) throws Exception {
        String missing = refused("hf:" + tmp.resolve("nothing"));
        assertTrue(missing.startsWith("evaluate.judge=hf:") && missing.contains("does not exist"), missing);
        Files.writeString(tmp.resolve("config.json"), "{}");
        String noWeights = refused("hf:" + tmp);
        assertTrue(noWeights.contains("is not a Hugging Face model: it has no weights (model.safetensors"), noWeights);
        assertTrue(noWeights.contains("no tokenizer files (tokenizer.json"), noWeights);
        assertTrue(refused("hf:./no/such/folder").contains("does not exist"));
    }

    @Test
    void aSettingWithoutThePrefixIsNoHubJudge() {
        assertTrue(HubJudge.isHub("hf:gpt2"));
        assertTrue(!HubJudge.isHub("runs/demo/ar/checkpoints/step-000400") && !HubJudge.isHub(null));
        assertTrue(refused("hf:").contains("expected hf:<model folder or hub id>"));
        assertTrue(refused("gpt2").contains("expected hf:<model folder or hub id>"));
    }
}
