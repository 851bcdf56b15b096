package dev.paradigm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.Prompt;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.memorization.MemorizationResult;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.metrics.MetricsResult;
import dev.paradigm.pipeline.EvaluateStage;
import dev.paradigm.pipeline.SampleStage;
import dev.paradigm.pipeline.TrainStage;
import dev.paradigm.report.ReportLoader;
import dev.paradigm.testing.ResourceFolder;
import dev.paradigm.testing.TinyConfig;
import dev.paradigm.train.CurveAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder's records read back what their writers wrote, and refuse files of another (or of no) format. */
class RunFilesTest {
    @TempDir
    Path temp;

    private static final MetricsLine.Train TRAIN = new MetricsLine.Train(5, 5.5, 0.9, 0.003, 25_000, 0.05);
    private static final MetricsLine.Eval EVAL = new MetricsLine.Eval(10, 0.5, 4.9, Math.exp(4.9), 5.1, 5.3, 0.01);

    private static MetricsLine.Summary summary() {
        CurveAnalysis analysis = CurveAnalysis.of(List.of(new CurveAnalysis.Point(10, 0.5, 4.9),
                new CurveAnalysis.Point(20, 1.0, 4.7)));
        return new MetricsLine.Summary(Paradigm.MDLM, 20, 8, 32, 5120, 1, 0.2, 0.01, 0.1, 0.33, 26_000, 15_515, "ab".repeat(32),
                30_272, 2.06e5, "cpu", "float32", analysis);
    }

    @Test
    void theMetricsLogReadsBackEveryKindBehindItsHeader() throws IOException {
        RunFolder run = new RunFolder(temp);
        Files.createDirectories(run.paradigm(Paradigm.MDLM));
        try (MetricsLog log = MetricsLog.fresh(run, Paradigm.MDLM)) {
            log.append(TRAIN);
            log.append(EVAL);
            log.append(summary());
        }
        TrainingLog read = MetricsLog.read(run, Paradigm.MDLM);
        assertEquals(List.of(TRAIN, EVAL, summary()), read.lines());
        assertEquals(summary(), read.summary().orElseThrow());
        List<String> lines = Files.readAllLines(run.metricsLog(Paradigm.MDLM));
        assertEquals("{\"format\":\"paradigm-metrics-log\",\"version\":1}", lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"kind\":\"train\",\"step\":5,\"loss\":5.5,\"grad_norm\":0.9,"), lines.get(1));
        assertTrue(lines.get(3).contains("\"paradigm\":\"mdlm\""), lines.get(3));
        assertTrue(lines.get(3).contains("\"analysis\":{\"best_step\":20,\"best_epoch\":1.0,\"best_val_loss\":4.7,"),
                lines.get(3));
        assertTrue(lines.get(2).startsWith("{\"kind\":\"eval\",\"step\":10,\"epoch\":0.5,\"val_loss\":4.9,"), lines.get(2));
    }

    @Test
    void resumingKeepsTheLinesUpToTheCheckpointAndDropsTheSummary() {
        RunFolder run = new RunFolder(temp);
        MetricsLine.Train later = new MetricsLine.Train(15, 4.5, 0.8, 0.001, 25_000, 0.1);
        try (MetricsLog log = MetricsLog.fresh(run, Paradigm.AR)) {
            log.append(TRAIN);
            log.append(EVAL);
            log.append(later);
            log.append(summary());
        }
        try (MetricsLog log = MetricsLog.resumeAt(run, Paradigm.AR, 10)) {
            log.append(later);
        }
        assertEquals(List.of(TRAIN, EVAL, later), MetricsLog.read(run, Paradigm.AR).lines());
    }

    @Test
    void aTornLastLineIsLeftOutButABrokenLineBeforeItIsAnError() throws IOException {
        RunFolder run = new RunFolder(temp);
        try (MetricsLog log = MetricsLog.fresh(run, Paradigm.AR)) {
            log.append(TRAIN);
            log.append(EVAL);
        }
        Path file = run.metricsLog(Paradigm.AR);
        Files.writeString(file, Files.readString(file) + "{\"kind\":\"train\",\"st");
        assertEquals(List.of(TRAIN, EVAL), MetricsLog.read(run, Paradigm.AR).lines(), "a write cut by a crash");

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, "{\"kind\":\"train\",\"st");
        Files.write(file, lines);
        RunFileException e = assertThrows(RunFileException.class, () -> MetricsLog.read(run, Paradigm.AR));
        assertTrue(e.getMessage().startsWith(file + " line 2 is not valid JSON"), e.getMessage());
    }

    @Test
    void samplesAndTheirEvaluationReadBackWhatWasWritten() {
        RunFolder run = new RunFolder(temp);
        ExperimentConfig config = TinyConfig.load();
        SamplerSettings sampler = new SamplerSettings(config.sample(), Prompt.EOS, List.of(0), config.protocol());
        List<SampleLine> samples = twoSamples(sampler);
        SamplesFile.write(run, Paradigm.AR, samples);
        assertEquals(samples, SamplesFile.read(run, Paradigm.AR));
        assertEquals(samples.subList(0, 1), SamplesFile.readFirst(run, Paradigm.AR, 1));
        assertEquals(config.sample().mdlmSteps(), Integer.parseInt(sampler.asText().get("mdlm_steps")));
        assertEquals("[0]", sampler.asText().get("prompt_ids"));

        Map<String, Estimate> metrics = new LinkedHashMap<>();
        metrics.put("distinct_1", new Estimate(1.0, 0.8, 1.0));
        metrics.put("self_bleu", new Estimate(0.1, 0.0, 0.2));
        SampleEvaluation evaluation = SampleEvaluation.of(Paradigm.AR, 2, "cd".repeat(32), config.evaluate(), 1337,
                sampler, new MetricsResult(metrics, "Once"), new SampleEvaluation.Validation(4.7, Math.exp(4.7), 20, false),
                new SampleEvaluation.Fluency(new Estimate(289, 276, 303), "hf:gpt2-large", true, new Estimate(12, 11, 13),
                        null, null, null, null),
                new SampleEvaluation.Memorization(1000, memorized(2), memorized(1), 31), "ab".repeat(32),
                List.of(new SampleEvaluation.FrontierPoint(0, FrontierLine.Knob.TEMPERATURE, 0.7, 8, 4,
                        new Estimate(30, 25, 36), new Estimate(0.4, 0.3, 0.5), new Estimate(0.6, 0.5, 0.7))));
        evaluation.write(run);
        assertEquals(evaluation, SampleEvaluation.read(run, Paradigm.AR));
        assertEquals(Map.of(8, new Estimate(0.5, 0.4, 0.6), 16, new Estimate(0.25, 0.2, 0.3)),
                SampleEvaluation.read(run, Paradigm.AR).memorization().samples().copiedShare(), "orders read back as ints");
    }

    private static MemorizationResult memorized(int sequences) {
        Map<Integer, Estimate> shares = new LinkedHashMap<>();
        shares.put(8, new Estimate(0.5, 0.4, 0.6));
        shares.put(16, new Estimate(0.25, 0.2, 0.3));
        return new MemorizationResult(sequences, shares, new Estimate(9.5, 8, 11), 12, 0, 3, 4711);
    }

    @Test
    void frontierSamplesReadBackWhatWasWritten() {
        RunFolder run = new RunFolder(temp);
        ExperimentConfig config = TinyConfig.load();
        SamplerSettings sampler = new SamplerSettings(config.sample(), Prompt.EOS, List.of(0), config.protocol());
        List<FrontierLine> lines = List.of(
                new FrontierLine(0, FrontierLine.Knob.TEMPERATURE,
                        new SampleLine(0, List.of(0, 5, 0), "a", 7, Paradigm.MDLM, "mdlm/checkpoints/step-000020", sampler)),
                new FrontierLine(1, FrontierLine.Knob.MDLM_STEPS,
                        new SampleLine(0, List.of(0, 6, 0), "b", 8, Paradigm.MDLM, "mdlm/checkpoints/step-000020", sampler)));
        FrontierFile.write(run, Paradigm.MDLM, lines);
        assertEquals(lines, FrontierFile.read(run, Paradigm.MDLM));
        assertTrue(run.frontierSamples(Paradigm.MDLM).endsWith("mdlm/frontier.jsonl"));
    }

    /** Completeness comes from the manifest written after the file, never from the file's existence. */
    @Test
    void samplesCutShortOrWithoutTheirManifestAreNeverTakenForComplete() throws IOException {
        RunFolder run = new RunFolder(temp);
        ExperimentConfig config = TinyConfig.load("sample.n=2");
        SamplerSettings sampler = new SamplerSettings(config.sample(), Prompt.EOS, List.of(0), config.protocol());
        List<SampleLine> samples = twoSamples(sampler);
        SamplesFile.write(run, Paradigm.AR, samples);
        assertTrue(SampleStage.isComplete(run, Paradigm.AR, config));
        Path file = run.samples(Paradigm.AR);
        String whole = Files.readString(file);

        // cut in the middle of its last line, as a copy to a full disk leaves it
        Files.writeString(file, whole.substring(0, whole.length() - 30));
        RunFileException cut = assertThrows(RunFileException.class, () -> SamplesFile.read(run, Paradigm.AR));
        assertTrue(cut.getMessage().startsWith(file + " does not match its manifest (it holds "), cut.getMessage());
        assertTrue(cut.getMessage().endsWith("--force sample` to redo the sample stage and the ones after it."), cut.getMessage());
        assertFalse(SampleStage.isComplete(run, Paradigm.AR, config));

        Files.writeString(file, whole); // whole again, but its manifest gone: the stage did not finish
        Files.delete(FileManifest.of(file));
        RunFileException unsealed = assertThrows(RunFileException.class, () -> SamplesFile.read(run, Paradigm.AR));
        assertTrue(unsealed.getMessage().startsWith(file + " is not complete: samples.jsonl.manifest.json, which the sample "
                + "stage writes once the file is whole, is missing"), unsealed.getMessage());
        assertFalse(SampleStage.isComplete(run, Paradigm.AR, config));
    }

    @Test
    void aFinishedTrainingLogIsSealedAndCheckedAndAResumeUnsealsIt() throws IOException {
        RunFolder run = new RunFolder(temp);
        try (MetricsLog log = MetricsLog.fresh(run, Paradigm.AR)) {
            log.append(TRAIN);
            log.append(EVAL);
            assertFalse(MetricsLog.isFinished(run, Paradigm.AR));
            log.append(summary());
        }
        assertTrue(MetricsLog.isFinished(run, Paradigm.AR));
        Path file = run.metricsLog(Paradigm.AR);
        Files.writeString(file, Files.readString(file).replace("\"loss\":5.5", "\"loss\":5.6"));
        RunFileException e = assertThrows(RunFileException.class, () -> MetricsLog.read(run, Paradigm.AR));
        assertTrue(e.getMessage().startsWith(file + " does not match its manifest (its sha256 is "), e.getMessage());
        assertTrue(e.getMessage().contains("--force train`"), e.getMessage());

        Files.writeString(file, Files.readString(file).replace("\"loss\":5.6", "\"loss\":5.5"));
        MetricsLog.resumeAt(run, Paradigm.AR, 10).close();
        assertFalse(Files.exists(FileManifest.of(file)), "a resumed log is open again");
        assertFalse(MetricsLog.isFinished(run, Paradigm.AR));
    }

    @Test
    void aFileOfAnotherVersionIsRefusedWithTheCommandThatRewritesIt() throws IOException {
        RunFolder run = new RunFolder(temp);
        MetricsLog.fresh(run, Paradigm.AR).close();
        Path file = run.metricsLog(Paradigm.AR);
        Files.writeString(file, Files.readString(file).replace("\"version\":1", "\"version\":2"));
        RunFileException e = assertThrows(RunFileException.class, () -> MetricsLog.read(run, Paradigm.AR));
        assertEquals(file + " is format 'paradigm-metrics-log' version 2; this paradigm reads 'paradigm-metrics-log' "
                + "version 1. Rerun `paradigm compare --config " + run.config() + " --run-dir " + temp + " --force train` "
                + "to redo the train stage and the ones after it.", e.getMessage());
    }

    /**
     * A real run folder written before the files had format versions (by `compare` on the tiny config; its checkpoints
     * and token files left out): every reader refuses it, naming the stage to redo; the stages that can simply redo
     * their work see it as not complete, and training, which must not silently start over, refuses.
     */
    @Test
    void aRunFolderWrittenBeforeFormatVersionsIsRefusedWithTheCommandThatRedoesIt() {
        Path copy = ResourceFolder.copy("run-before-format-versions", temp.resolve("old"));
        RunFolder run = new RunFolder(copy);
        String redo = "Rerun `paradigm compare --config " + copy.resolve("config.yaml") + " --run-dir " + copy + " --force ";
        assertOlder(() -> MetricsLog.read(run, Paradigm.AR), run.metricsLog(Paradigm.AR), redo + "train`");
        assertOlder(() -> SamplesFile.read(run, Paradigm.MDLM), run.samples(Paradigm.MDLM), redo + "sample`");
        assertOlder(() -> SampleEvaluation.read(run, Paradigm.AR), run.sampleMetrics(Paradigm.AR), redo + "evaluate`");
        assertOlder(() -> TrainStage.isComplete(run, Paradigm.AR), run.metricsLog(Paradigm.AR), redo + "train`");

        ExperimentConfig config = TinyConfig.load();
        assertFalse(SampleStage.isComplete(run, Paradigm.AR, config));
        assertFalse(EvaluateStage.isComplete(run, Paradigm.AR, config));

        // Its config.yaml has keys this paradigm no longer has (sample.prompt, before sample.ar_prompt and
        // sample.mdlm_prompt), so it cannot be redone in place: the report and every command say so.
        for (Supplier<?> read : List.<Supplier<?>>of(() -> ReportLoader.load(copy), () -> RunConfig.read(run, List.of()))) {
            RunFileException e = assertThrows(RunFileException.class, read::get);
            assertTrue(e.getMessage().startsWith(copy.resolve("config.yaml") + " does not load as a config of this"
                    + " paradigm, which has other keys than the one that wrote it: Unknown key 'sample.prompt'"), e.getMessage());
            assertTrue(e.getMessage().endsWith("start it again with another --run-dir (or delete " + copy + ")."),
                    e.getMessage());
        }
    }

    private static List<SampleLine> twoSamples(SamplerSettings sampler) {
        return List.of(new SampleLine(0, List.of(0, 5, 6, 0), "a b", 42, Paradigm.AR, "ar/checkpoints/step-000020", sampler),
                new SampleLine(1, List.of(0, 7, 0, 0), "c", 42, Paradigm.AR, "ar/checkpoints/step-000020", sampler));
    }

    private static void assertOlder(Supplier<?> read, Path file, String redo) {
        RunFileException e = assertThrows(RunFileException.class, read::get);
        assertTrue(e.getMessage().startsWith(file + " was written by an older paradigm (no format version), which this "
                + "one cannot read. "), e.getMessage());
        assertTrue(e.getMessage().contains(redo), e.getMessage());
    }
}
