package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.Prompt;
import dev.paradigm.config.Protocol;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.run.MetricsLine;
import dev.paradigm.run.RunFileException;
import dev.paradigm.run.SampleLine;
import dev.paradigm.train.CurveAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportLoaderTest {
    @TempDir
    Path temp;

    @Test
    void readsEveryFileOfTheFixture() {
        RunReport report = ReportFixture.load(ReportFixture.source());
        assertEquals("demo", report.config().resolved().name());
        assertEquals(Protocol.CONTROLLED, report.config().resolved().protocol());
        assertEquals(1337, report.seed());
        assertEquals("d8e1377e48f0cb35be89e9bd9f581878da61cd886081128e31f329b3256ea6c1", report.config().sha256());
        assertFalse(PaperComparison.isPaperScale(report.config().resolved()));
        assertEquals("bpe", report.data().tokenizer().kind());
        assertEquals(1024, report.data().tokenizer().vocabSize());

        ParadigmRun ar = report.ar();
        assertEquals(Paradigm.AR, ar.paradigm());
        assertEquals(12, ar.train().size());
        assertEquals(7, ar.evals().size()); // step 0, then every 100 steps
        assertEquals(0, ar.evals().get(0).step());
        assertTrue(Double.isNaN(ar.evals().get(0).trainLoss()), "no step has run at step 0");
        assertEquals(new MetricsLine.Eval(500, 1.754386, 2.5512, 12.8225, null, 2.34, 2.0), ar.evals().get(5));
        assertEquals(812_345, ar.summary().params());
        assertEquals(600 * 32 * 128, ar.summary().plannedTokens());
        assertEquals(new CurveAnalysis(500, 1.754386, 2.5512, true, 600, 2.105263, false, 0.00029),
                ar.summary().analysis());
        assertNull(report.mdlm().summary().analysis().overfitStep());

        assertEquals(new Estimate(0.0512, 0.0490, 0.0534), ar.metrics().get("distinct_1"));
        assertEquals("Once", ar.textMetrics().get("top_first_word"));
        assertFalse(ar.metrics().containsKey("top_first_word"));
        assertEquals(Prompt.EOS, ar.evaluation().sampler().prompt());
        assertEquals("eos", ar.evaluation().sampler().asText().get("prompt"));
        assertEquals(new Estimate(8.91, 8.60, 9.25), ar.evaluation().fluency().genPpl());
        assertTrue(report.mdlm().evaluation().validation().bound());
        // samples.jsonl has four samples; only the first three are kept.
        assertEquals(List.of(0, 1, 2), ar.firstSamples().stream().map(SampleLine::index).toList());
    }

    @ParameterizedTest
    @CsvSource({
            "config.yaml,            paradigm compare",
            "ar/metrics.json,        paradigm evaluate",
            "data/manifest.json,     paradigm prepare",
            "ar/metrics.jsonl,       paradigm train",
            "mdlm/samples.jsonl,     paradigm sample",
            "mdlm/metrics.json,      paradigm evaluate"})
    void aMissingFileIsNamedWithTheStageThatWritesIt(String file, String stage) throws IOException {
        Path run = ReportFixture.copy(temp, "run");
        Files.delete(run.resolve(file));
        RuntimeException e = assertThrows(RuntimeException.class, () -> ReportFixture.load(run));
        assertTrue(e.getMessage().contains(run.resolve(file).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains(stage), e.getMessage());
    }

    @Test
    void anUnfinishedTrainingLogIsExplained() {
        Path run = ReportFixture.copy(temp, "run");
        Path log = run.resolve("mdlm/metrics.jsonl");
        ReportFixture.removeJsonl(log, "summary");
        RunFileException e = assertThrows(RunFileException.class, () -> ReportFixture.load(run));
        assertTrue(e.getMessage().contains(log + " has no summary line"), e.getMessage());
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }

    @Test
    void aLineOfAnUnknownKindIsNamedByFileAndLineNumber() {
        Path run = ReportFixture.copy(temp, "run");
        Path log = run.resolve("mdlm/metrics.jsonl");
        ReportFixture.editJsonl(log, "summary", node -> node.put("kind", "something-else"));
        RunFileException e = assertThrows(RunFileException.class, () -> ReportFixture.load(run));
        assertTrue(e.getMessage().startsWith(log + " line 21 is of a kind that 'paradigm-metrics-log' version 1 does not "
                + "have"), e.getMessage());
        assertTrue(e.getMessage().contains("something-else"), e.getMessage());
    }

    @Test
    void aBrokenLineIsNamedByFileAndLineNumber() throws IOException {
        Path run = ReportFixture.copy(temp, "run");
        Path log = run.resolve("ar/metrics.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(log));
        lines.set(3, "{\"kind\": \"eval\", \"step\": 100,");
        Files.write(log, lines);
        RunFileException e = assertThrows(RunFileException.class, () -> ReportFixture.load(run));
        assertTrue(e.getMessage().startsWith(log + " line 4 is not valid JSON"), e.getMessage());
    }

    @Test
    void aMissingFieldIsNamed() {
        Path run = ReportFixture.copy(temp, "run");
        ReportFixture.editJson(run.resolve("ar/metrics.json"), node -> node.remove("validation"));
        RunFileException e = assertThrows(RunFileException.class, () -> ReportFixture.load(run));
        assertTrue(e.getMessage().contains("has no \"validation\" field"), e.getMessage());
        assertTrue(e.getMessage().contains("ar/metrics.json"), e.getMessage());
        assertTrue(e.getMessage().contains("paradigm evaluate"), e.getMessage());
    }

    @Test
    void aConfigWithoutItsHashLineIsRefused() throws IOException {
        Path run = ReportFixture.copy(temp, "run");
        Path config = run.resolve("config.yaml");
        List<String> lines = Files.readAllLines(config);
        Files.write(config, lines.subList(1, lines.size()));
        RunFileException e = assertThrows(RunFileException.class, () -> ReportFixture.load(run));
        assertTrue(e.getMessage().contains("# config-sha256:"), e.getMessage());
        assertTrue(e.getMessage().contains("its first line is \"# demo: the embedded default."), e.getMessage());
    }
}
