package dev.paradigm.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.metrics.Bootstrap;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.metrics.GenerativePerplexity;
import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.testing.TinyJudge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jep.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hugging Face judge driven from Java through Jep, on a tiny randomly initialised GPT-2 saved offline by
 * {@code python/tests/tiny_judge.py}; its scores are held to {@code test_judge.direct_scores}, the rule written
 * out plainly in Python with the model.
 */
class HubJudgeIntegrationTest {
    private static final List<String> TEXTS = List.of(
            "Once upon a time, there was a little girl named Lily.",
            "She liked to play in the park with her dog Max. One day, the sun was bright and the birds sang.",
            "Tom found a big red ball.",
            "");
    private static final List<Boolean> ENDED = List.of(true, false, true, true);

    private final PythonRuntime python = PythonRuntime.shared();

    @Test
    void scoresEqualTheDirectComputationAndMakeAPerplexity(@TempDir Path tmp) {
        String setting = "hf:" + TinyJudge.save(tmp.resolve("judge"));
        HubJudge.Info info = HubJudge.check(python, setting);
        assertEquals(16, info.contextLength());
        assertTrue(info.local());

        HubJudge judge = HubJudge.load(python, setting, "cpu");
        assertTrue(judge.info().contains("\"context_length\": 16"), judge.info());
        double[][] scores = judge.score(TEXTS, ENDED, 3);
        NDArray<?> direct = (NDArray<?>) python.invoke(new PythonApi.Function("test_judge", "direct_scores"), tmp.resolve("judge").toString(),
                TEXTS, ENDED);
        double[] expected = (double[]) direct.getData();
        double nll = 0;
        double tokens = 0;
        for (int i = 0; i < TEXTS.size(); i++) {
            assertEquals(expected[2 * i + 1], scores[i][1], 0.0, "tokens of text " + i);
            assertEquals(expected[2 * i], scores[i][0], 1e-5 * Math.max(1, expected[2 * i]), "NLL of text " + i);
            nll += scores[i][0];
            tokens += scores[i][1];
        }
        assertTrue(scores[1][1] > 16, "the second text spans two chunks");
        assertEquals(0.0, scores[3][1], 0.0);

        Estimate perplexity = GenerativePerplexity.of(scores, new Bootstrap(scores.length, 200, 1));
        assertEquals(Math.exp(nll / tokens), perplexity.value(), 1e-12 * perplexity.value());
        assertTrue(perplexity.contains(perplexity.value()));
    }

    @Test
    void aFolderThatIsNoModelIsBadInputBeforeAnythingLoads(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("config.json"), "{\"model_type\": \"gpt2\"}");
        Files.writeString(tmp.resolve("model.safetensors"), "not weights");
        Files.writeString(tmp.resolve("tokenizer.json"), "not a tokenizer");
        // The files are there, so the plain-Java check passes; Python's check then fails on the tokenizer.
        HubJudge.checkFiles("hf:" + tmp);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HubJudge.check(python, "hf:" + tmp));
        assertTrue(e.getMessage().startsWith("evaluate.judge=hf:" + tmp + ": could not load its tokenizer"), e.getMessage());
    }
}
