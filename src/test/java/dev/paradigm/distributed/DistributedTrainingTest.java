package dev.paradigm.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.BatchSchedule;
import dev.paradigm.data.StreamDigest;
import dev.paradigm.data.Subset;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.pipeline.RunSetup;
import dev.paradigm.run.MetricsLine;
import dev.paradigm.run.MetricsLog;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.TrainingLog;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.StopSignal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two gloo workers, each with half the batch, against one process with the whole batch: same loss at every step,
 * same validation losses, and the same data digest — the digest recomputed here from the batch schedule. And a
 * worker that dies takes the run down with a message naming it.
 */
class DistributedTrainingTest {
    private static final int STEPS = 20;
    private static final int BATCH = 8;

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Paradigm.class)
    void twoWorkersWithHalfBatchesReproduceOneProcess(Paradigm paradigm) throws IOException {
        Path config = writeConfig(STEPS, 1);
        RunFolder single = new RunFolder(temp.resolve("single"));
        RunFolder twoRanks = new RunFolder(temp.resolve("two"));
        ExperimentConfig loaded = ConfigLoader.load(config, List.of());
        RunSetup.train(loaded, single, paradigm, PythonRuntime.shared(), false);

        ByteArrayOutputStream rank0 = new ByteArrayOutputStream();
        Optional<StopSignal> stopped = launcher(config, twoRanks, paradigm, new PrintStream(rank0, true,
                StandardCharsets.UTF_8)).run();
        assertEquals(Optional.empty(), stopped, rank0.toString(StandardCharsets.UTF_8));

        TrainingLog expected = MetricsLog.read(single, paradigm);
        TrainingLog actual = MetricsLog.read(twoRanks, paradigm);
        List<MetricsLine.Train> expectedTrain = expected.train();
        List<MetricsLine.Train> actualTrain = actual.train();
        assertEquals(STEPS, expectedTrain.size());
        assertEquals(STEPS, actualTrain.size());
        for (int i = 0; i < STEPS; i++) {
            assertEquals(expectedTrain.get(i).step(), actualTrain.get(i).step());
            assertClose(expectedTrain.get(i).loss(), actualTrain.get(i).loss(), 1e-5, paradigm + " loss at step " + (i + 1));
            assertClose(expectedTrain.get(i).lr(), actualTrain.get(i).lr(), 1e-12, "lr");
        }
        List<MetricsLine.Eval> expectedEval = expected.evals();
        List<MetricsLine.Eval> actualEval = actual.evals();
        assertEquals(3, actualEval.size()); // step 0, then two evaluations
        for (int i = 0; i < expectedEval.size(); i++) {
            assertClose(expectedEval.get(i).valLoss(), actualEval.get(i).valLoss(), 1e-5, paradigm + " validation loss");
        }
        String digest = actual.summary().orElseThrow().dataDigest();
        assertEquals(expected.summary().orElseThrow().dataDigest(), digest);
        assertEquals(globalStreamDigest(TokenStore.open(twoRanks.data()), loaded.seed()), digest);
        assertEquals(2, actual.summary().orElseThrow().worldSize());
        assertTrue(rank0.toString(StandardCharsets.UTF_8).contains("[rank 0] "), "rank 0's output is forwarded with its prefix");
        assertFalse(rank0.toString(StandardCharsets.UTF_8).contains("[rank 1] "), "rank 1 stays quiet");
        // but each rank writes its own log in the run folder
        String log0 = Files.readString(twoRanks.rankLog(0));
        String log1 = Files.readString(twoRanks.rankLog(1));
        assertTrue(log0.contains("Trained " + paradigm.id() + " for " + STEPS + " steps"), log0);
        assertTrue(log1.contains("── paradigm train --config") && log1.strip().endsWith("── exit code 0"), log1);
        assertFalse(Files.exists(twoRanks.log()), "no paradigm.log: no command ran outside the workers");
    }

    @Test
    void aWorkerThatDiesStopsTheRunNamingItsRankAndExitCode() throws Exception {
        Path config = writeConfig(100_000, 50); // far longer than the test waits
        RunFolder run = new RunFolder(temp.resolve("killed"));
        WatchedStream rank0 = new WatchedStream(Paradigm.AR.id() + " train 1/");
        WorkerLauncher launcher = launcher(config, run, Paradigm.AR, new PrintStream(rank0, true, StandardCharsets.UTF_8));
        CompletableFuture<Optional<StopSignal>> result = CompletableFuture.supplyAsync(launcher::run);
        List<ProcessHandle> workers;
        try {
            assertTrue(rank0.seen.get(90, TimeUnit.SECONDS), "training did not start");
            workers = launcher.workerProcesses();
            assertEquals(2, workers.size());
            workers.get(1).destroyForcibly();
        } finally {
            if (!rank0.seen.isDone()) {
                launcher.workerProcesses().forEach(ProcessHandle::destroyForcibly);
            }
        }

        Exception e = assertThrows(Exception.class, () -> result.get(60, TimeUnit.SECONDS));
        WorkerFailedException failure = (WorkerFailedException) e.getCause();
        assertEquals(1, failure.rank());
        assertEquals(137, failure.exitCode()); // 128 + SIGKILL
        assertTrue(failure.getMessage().startsWith("Worker rank 1 exited with code 137 (killed by signal 9); the other "
                + "workers were stopped. Last lines of its stderr:"), failure.getMessage());
        for (ProcessHandle worker : workers) {
            worker.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(worker.isAlive());
        }
    }

    /** SHA-256 chain over the global batches of every step, read straight from the store. */
    private static String globalStreamDigest(TokenStore store, long seed) {
        BatchSchedule schedule = new BatchSchedule(seed, store.trainChunks(), BATCH);
        StreamDigest digest = StreamDigest.start();
        for (int step = 0; step < STEPS; step++) {
            digest.update(store, Subset.TRAIN, schedule.globalBatchIndices(step));
        }
        return digest.hex();
    }

    /** A launcher of 2 local workers training {@code paradigm}; rank 0's stdout and stderr both go to {@code out}. */
    private WorkerLauncher launcher(Path config, RunFolder run, Paradigm paradigm, PrintStream out) {
        List<String> args = List.of("train", "--config", config.toString(), "--run-dir", run.root().toString(),
                "--paradigm", paradigm.id(), "--python", PythonRuntime.shared().environment().python().toString());
        return new WorkerLauncher(new LaunchPlan(2, 1, 0, null, 0).resolved(), args, out, out);
    }

    private Path writeConfig(int steps, int logInterval) throws IOException {
        Path file = temp.resolve("tiny-" + steps + ".yaml");
        Files.writeString(file, """
                name: ddp-test
                seed: 1337
                data: {source: generated, generated_stories: 300, vocab_size: 300}
                model: {n_layer: 2, d_model: 32, n_head: 2, d_ff: 64, seq_len: 32}
                train: {steps: %d, batch_size: %d, warmup_steps: 5, log_interval: %d, eval_interval: 10,
                        eval_batches: 2, checkpoint_interval: 10, device: cpu, compile: false}
                sample: {n: 4, length: 32, batch_size: 4, mdlm_steps: 8}
                """.formatted(steps, BATCH, logInterval));
        return file;
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= relative * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual + " (relative tolerance " + relative + ")");
    }

    /** Collects output and completes {@link #seen} once {@code marker} has appeared. */
    private static final class WatchedStream extends OutputStream {
        final CompletableFuture<Boolean> seen = new CompletableFuture<>();
        private final String marker;
        private final StringBuilder text = new StringBuilder();

        WatchedStream(String marker) {
            this.marker = marker;
        }

        @Override
        public synchronized void write(int b) {
            text.append((char) b);
            if (!seen.isDone() && text.indexOf(marker) >= 0) {
                seen.complete(true);
            }
        }
    }
}
