package dev.paradigm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.data.Sha256;
import dev.paradigm.testing.CliRun;
import dev.paradigm.testing.ParadigmProcess;
import dev.paradigm.testing.TinyConfig;
import dev.paradigm.train.StopSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training in a real subprocess, stopped the hard way (SIGKILL) and the polite ways (SIGINT, SIGTERM, SIGUSR1), then
 * resumed with the same command: it must end exactly where an uninterrupted run ends.
 */
class TrainKillResumeTest {
    /**
     * The loss fields of metrics.jsonl lines (timings differ from run to run and are left out). An eval line's
     * {@code train_loss} averages every step since the previous evaluation, across the resume: the checkpoint keeps
     * the partial sums.
     */
    private static final Map<String, List<String>> LOSS_FIELDS = Map.of(
            "train", List.of("step", "loss", "grad_norm", "lr"),
            "eval", List.of("step", "val_loss", "val_ppl", "train_loss"));

    @TempDir
    static Path temp;

    /** The MDLM runs keep an average of the weights (train.ema), which the checkpoint must carry across the kill. */
    private static final String EMA = "train.ema=0.9";

    /**
     * One prepared token store per config, copied into each run folder so that only training runs in the
     * subprocesses.
     */
    @BeforeAll
    static void prepareOnce() {
        prepare("prepared");
        prepare("prepared-ema", "--set", EMA);
    }

    private static void prepare(String folder, String... overrides) {
        CliRun r = CliRun.of(ParadigmCommand::commandLine, concat(new String[] {"prepare", "--config",
            TinyConfig.file().toString(), "--run-dir", temp.resolve(folder).toString()}, overrides));
        assertEquals(0, r.code(), r.all());
    }

    @Test
    void mdlmKilledAfterItsFirstCheckpointResumesToIdenticalWeightsAverageAndLog() throws Exception {
        Path reference = runFolder("mdlm-reference", "prepared-ema");
        assertEquals(0, ParadigmProcess.run(reference.resolve("out.txt"), train("mdlm", reference, "--set", EMA)),
                Files.readString(reference.resolve("out.txt")));

        Path killed = runFolder("mdlm-killed", "prepared-ema");
        ParadigmProcess first = ParadigmProcess.start(killed.resolve("out-1.txt"), train("mdlm", killed, "--set", EMA));
        awaitFirstCheckpoint(first, killed.resolve("mdlm/checkpoints/index.json"));
        first.kill();
        assertFalse(hasSummary(killed.resolve("mdlm/metrics.jsonl")), "the run finished before it could be killed:\n"
                + first.output());

        ParadigmProcess second = ParadigmProcess.start(killed.resolve("out-2.txt"), train("mdlm", killed, "--set", EMA));
        assertEquals(0, second.waitFor(300), second.output());
        assertTrue(second.output().contains("resuming from checkpoint at step"), second.output());

        assertEquals(finalWeights(reference, "mdlm"), finalWeights(killed, "mdlm"), "bit-identical final weights");
        assertEquals(finalFile(reference, "mdlm", "ema.safetensors"), finalFile(killed, "mdlm", "ema.safetensors"),
                "the bit-identical average of the weights");
        assertEquals(lossLines(reference.resolve("mdlm/metrics.jsonl")), lossLines(killed.resolve("mdlm/metrics.jsonl")));
        assertEquals(dataDigest(reference, "mdlm"), dataDigest(killed, "mdlm"), "the same batch stream");
    }

    /**
     * Ctrl-C, and what a cluster's scheduler sends before it kills a job: each writes a checkpoint at the step the run
     * is on and exits with the signal's documented code; the same command then ends where an uninterrupted run does.
     */
    @ParameterizedTest
    @EnumSource(value = StopSignal.class, names = {"INT", "TERM"})
    void arStoppedBySignalCheckpointsExitsWithItsCodeAndResumesToIdenticalWeights(StopSignal signal) throws Exception {
        Path reference = arReference();
        Path interrupted = runFolder("ar-" + signal.name(), "prepared");
        int step = stopWith(signal, interrupted);

        ParadigmProcess second = ParadigmProcess.start(interrupted.resolve("out-2.txt"), train("ar", interrupted));
        assertEquals(0, second.waitFor(300), second.output());
        assertTrue(second.output().contains("resuming from checkpoint at step " + step), second.output());
        assertEquals(finalWeights(reference, "ar"), finalWeights(interrupted, "ar"), "bit-identical final weights");
        assertEquals(dataDigest(reference, "ar"), dataDigest(interrupted, "ar"));
        assertEquals(evalLines(reference.resolve("ar/metrics.jsonl")), evalLines(interrupted.resolve("ar/metrics.jsonl")));
        List<Double> elapsed = CompareCommandTest.jsonLines(interrupted.resolve("ar/metrics.jsonl")).stream()
                .filter(l -> l.path("kind").asText().equals("train")).map(l -> l.path("elapsed_s").asDouble()).toList();
        for (int i = 1; i < elapsed.size(); i++) { // the checkpoint carries the time spent before the stop
            assertTrue(elapsed.get(i) >= elapsed.get(i - 1), "elapsed_s went backwards after the resume: " + elapsed);
        }
    }

    /** Slurm's early warning (--signal=USR1@…) stops the same way, with its own code; resuming is as above. */
    @Test
    void arStoppedBySigusr1CheckpointsAndExitsWith138() throws Exception {
        stopWith(StopSignal.USR1, runFolder("ar-USR1", "prepared"));
    }

    /**
     * Starts AR training in {@code run} and sends {@code signal} once the first checkpoint exists: the process must
     * exit with the signal's code, say where it stopped, and leave a checkpoint of that step. Returns the step.
     */
    private static int stopWith(StopSignal signal, Path run) throws Exception {
        ParadigmProcess first = ParadigmProcess.start(run.resolve("out-1.txt"), train("ar", run));
        awaitFirstCheckpoint(first, run.resolve("ar/checkpoints/index.json"));
        first.signal(signal.name());
        assertEquals(signal.exitCode(), first.waitFor(120), first.output());
        Matcher stopped = Pattern.compile("Stopped at step (\\d+) on " + Pattern.quote(signal.description())
                + "; a checkpoint was written").matcher(first.output());
        assertTrue(stopped.find(), first.output());
        int step = Integer.parseInt(stopped.group(1));
        assertTrue(step < TinyConfig.STEPS, "stopped at " + step);
        JsonNode index = CompareCommandTest.json(run.resolve("ar/checkpoints/index.json"));
        assertEquals(step, index.path("latest").path("step").asInt(), "a checkpoint at the step it stopped at: " + index);
        assertFalse(hasSummary(run.resolve("ar/metrics.jsonl")));
        return step;
    }

    /** An uninterrupted AR run, trained once for every signal's comparison. */
    private static synchronized Path arReference() throws Exception {
        Path reference = temp.resolve("ar-reference");
        if (!Files.exists(reference.resolve("ar/metrics.jsonl"))) {
            runFolder("ar-reference", "prepared");
            assertEquals(0, ParadigmProcess.run(reference.resolve("out.txt"), train("ar", reference)),
                    Files.readString(reference.resolve("out.txt")));
        }
        return reference;
    }

    // ---------------------------------------------------------------- helpers

    private static String[] train(String paradigm, Path runDir, String... overrides) {
        return concat(new String[] {"train", "--paradigm", paradigm, "--config", TinyConfig.file().toString(),
            "--run-dir", runDir.toString()}, overrides);
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /** A run folder holding a prepared config.yaml and data/ (as `paradigm prepare` left them in {@code source}). */
    private static Path runFolder(String name, String source) throws IOException {
        Path prepared = temp.resolve(source);
        Path run = temp.resolve(name);
        try (Stream<Path> files = Files.walk(prepared)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = run.resolve(prepared.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return run;
    }

    /** Polls for the first checkpoint index; the process must still be training then. */
    private static void awaitFirstCheckpoint(ParadigmProcess process, Path index) throws InterruptedException {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (!Files.exists(index)) {
            assertTrue(process.isAlive(), "paradigm ended before its first checkpoint:\n" + process.output());
            assertTrue(System.nanoTime() < deadline, "no checkpoint after 240 s:\n" + process.output());
            Thread.sleep(10);
        }
    }

    private static String finalWeights(Path run, String paradigm) throws IOException {
        return finalFile(run, paradigm, "model.safetensors");
    }

    /** The sha256 of a file of the last checkpoint. */
    private static String finalFile(Path run, String paradigm, String file) throws IOException {
        Path checkpoints = run.resolve(paradigm).resolve("checkpoints");
        JsonNode latest = CompareCommandTest.json(checkpoints.resolve("index.json")).path("latest");
        assertEquals(TinyConfig.STEPS, latest.path("step").asInt(), run + ": the last checkpoint is the last step");
        return Sha256.ofFile(checkpoints.resolve(latest.path("folder").asText()).resolve(file));
    }

    private static String dataDigest(Path run, String paradigm) throws IOException {
        List<JsonNode> lines = CompareCommandTest.jsonLines(run.resolve(paradigm).resolve("metrics.jsonl"));
        return lines.get(lines.size() - 1).path("data_digest").asText();
    }

    private static boolean hasSummary(Path log) throws IOException {
        return Files.exists(log) && Files.readString(log).contains("\"kind\":\"summary\"");
    }

    /** train and eval lines reduced to their step and loss fields, as text. */
    private static List<String> lossLines(Path log) throws IOException {
        return CompareCommandTest.jsonLines(log).stream().filter(l -> LOSS_FIELDS.containsKey(l.path("kind").asText()))
                .map(l -> l.path("kind").asText() + LOSS_FIELDS.get(l.path("kind").asText()).stream()
                        .map(f -> " " + f + "=" + l.path(f).asText()).reduce("", String::concat))
                .toList();
    }

    private static List<String> evalLines(Path log) throws IOException {
        return lossLines(log).stream().filter(l -> l.startsWith("eval")).toList();
    }
}
