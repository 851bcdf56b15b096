package dev.paradigm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.data.Sha256;
import dev.paradigm.testing.CliRun;
import dev.paradigm.testing.ParadigmProcess;
import dev.paradigm.testing.TinyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into real {@code paradigm compare} processes on a tiny config, each checked against one
 * uninterrupted reference run: SIGKILL at seeded random moments of every stage, then the same command again; two
 * commands on one folder at once; damaged checkpoints, samples and metrics; a full disk. Whatever happened, the final
 * weights, samples and metrics must equal the reference's (0 lost), and every failure must be a clear message without
 * a stack trace. Kept CI-sized: about 25 processes of a 12-step model.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {
    private static final long SEED = 20260127L;
    private static final int KILLS_PER_STAGE = 3;
    private static final String[] STAGES = {"prepare", "train ar", "train mdlm", "sample ar", "frontier ar", "sample mdlm",
        "frontier mdlm", "evaluate ar", "evaluate mdlm", "report"};
    /** The tiny config, shorter, without LanguageTool: a whole compare in seconds. */
    private static final String[] SETTINGS = {"--set", "train.steps=12", "--set", "train.checkpoint_interval=4",
        "--set", "train.eval_interval=6", "--set", "train.log_interval=3", "--set", "evaluate.grammar_samples=0",
        "--set", "evaluate.bootstrap=20"};
    private static final Map<String, List<String>> LOSS_FIELDS = Map.of(
            "train", List.of("step", "loss", "grad_norm", "lr"),
            "eval", List.of("step", "val_loss", "val_ppl", "train_loss"));
    private static final Pattern STAGE_LINE = Pattern.compile("Stage (prepare|train ar|train mdlm|sample ar|frontier ar|"
            + "sample mdlm|frontier mdlm|evaluate ar|evaluate mdlm|report)\\b");

    @TempDir
    static Path temp;

    private static Path reference;
    /** Seconds each stage took in the reference run: a kill lands at a uniform moment within them. */
    private static final Map<String, Double> stageSeconds = new LinkedHashMap<>();
    private static final Map<String, Integer> killsByStage = new TreeMap<>();
    /** What each test tried and how it ended, written to target/fault-injection.txt for docs/reliability.md. */
    private static final List<String> tried = new ArrayList<>();
    private static long started;

    @BeforeAll
    static void referenceRun() throws Exception {
        started = System.nanoTime();
        reference = temp.resolve("reference");
        ParadigmProcess process = ParadigmProcess.start(temp.resolve("reference.txt"), compare(reference));
        Map<String, Long> seen = new LinkedHashMap<>();
        while (process.isAlive()) {
            Matcher stage = STAGE_LINE.matcher(process.output());
            while (stage.find()) {
                seen.putIfAbsent(stage.group(1), System.nanoTime());
            }
            Thread.sleep(20);
        }
        assertEquals(0, process.waitFor(10), process.output());
        seen.put("end", System.nanoTime());
        List<String> names = new ArrayList<>(seen.keySet());
        for (int i = 0; i + 1 < names.size(); i++) {
            stageSeconds.put(names.get(i), (seen.get(names.get(i + 1)) - seen.get(names.get(i))) / 1e9);
        }
        assertEquals(List.of(STAGES), new ArrayList<>(stageSeconds.keySet()), process.output());
    }

    /**
     * Two compares started together on a fresh folder: one runs, the other is refused naming it. Then, stage by stage,
     * {@value #KILLS_PER_STAGE} SIGKILLs at seeded random moments, each followed by the same command; the final run must
     * end with exactly the reference's data, weights, samples and metrics, and nothing left behind.
     */
    @Test
    @Order(1)
    void killedAtRandomMomentsOfEveryStageTheRerunEndsAsTheUninterruptedRun() throws Exception {
        Path chain = temp.resolve("chain");
        Random random = new Random(SEED);
        int trial = 0;

        ParadigmProcess first = ParadigmProcess.start(temp.resolve("both-1.txt"), compare(chain));
        ParadigmProcess second = ParadigmProcess.start(temp.resolve("both-2.txt"), compare(chain));
        ParadigmProcess refused = null;
        ParadigmProcess running = null;
        while (refused == null) {
            for (ParadigmProcess p : List.of(first, second)) {
                if (!p.isAlive() && refused == null) {
                    refused = p;
                    running = p == first ? second : first;
                }
            }
            Thread.sleep(20);
        }
        assertEquals(1, refused.waitFor(10), refused.output());
        assertTrue(refused.output().contains("is in use by another paradigm process (PID " + running.pid() + ": paradigm "
                + "compare --config "), refused.output());
        killDuring(running, "prepare", random); // the one that runs is the first trial
        trial++;

        for (String stage : STAGES) {
            for (int k = stage.equals("prepare") ? 1 : 0; k < KILLS_PER_STAGE; k++) {
                ParadigmProcess process = ParadigmProcess.start(temp.resolve("trial-" + (++trial) + ".txt"), compare(chain));
                killDuring(process, stage, random);
            }
        }
        ParadigmProcess last = ParadigmProcess.start(temp.resolve("final.txt"), compare(chain));
        assertEquals(0, last.waitFor(300), last.output());

        int kills = killsByStage.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(kills >= 20, "only " + kills + " kills landed while a process was running: " + killsByStage);
        assertSameAsReference(chain);
        assertNoLeftovers(chain);
        for (String p : List.of("ar", "mdlm")) { // wall time carries over a resume
            List<Double> elapsed = lines(chain.resolve(p + "/metrics.jsonl"), "train").stream()
                    .map(l -> l.path("elapsed_s").asDouble()).toList();
            for (int i = 1; i < elapsed.size(); i++) {
                assertTrue(elapsed.get(i) >= elapsed.get(i - 1), p + " elapsed_s went backwards: " + elapsed);
            }
        }
        tried.add(String.format(Locale.ROOT, "SIGKILL: %d kills landed in a running process, by stage %s; then the same "
                + "command: final data, weights, samples and metrics equal to the reference, 0 lost; reference stage "
                + "seconds %s", kills, killsByStage, stageSeconds));
        tried.add("two compares started together: 1 refused, naming the other");
    }

    /** While a compare writes the folder, every other command on it is refused, naming that compare. */
    @Test
    @Order(2)
    void whileOneCommandWritesTheFolderEveryOtherIsRefusedNamingIt() throws Exception {
        Path chain = temp.resolve("chain");
        List<String> args = new ArrayList<>(List.of(compare(chain)));
        args.addAll(List.of("--force", "train")); // long enough for every other command to try; it ends as before
        ParadigmProcess holder = ParadigmProcess.start(temp.resolve("holder.txt"), args.toArray(String[]::new));
        assertEquals("train ar", awaitStageFrom(holder, "train ar"), holder.output());
        String expected = "is in use by another paradigm process (PID " + holder.pid() + ": paradigm compare --config ";
        for (String[] other : List.of(compare(chain), new String[] {"prepare", "--config", TinyConfig.file().toString(),
                "--run-dir", chain.toString()}, new String[] {"sample", "--paradigm", "mdlm", "--run-dir", chain.toString()},
                new String[] {"evaluate", "--run-dir", chain.toString()}, new String[] {"report", "--run-dir", chain.toString()})) {
            CliRun r = CliRun.of(ParadigmCommand::commandLine, withSettings(other));
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains(expected), r.all());
        }
        assertEquals(0, holder.waitFor(300), holder.output());
        assertSameAsReference(chain); // the same seeds train the same weights and draw the same samples
        tried.add("5 commands (compare, prepare, sample, evaluate, report) against a running compare: 5 refused, naming "
                + "it; it then ended as the reference");
    }

    /** Damaged files are named, never used; compare redoes what it can and ends as the reference. */
    @Test
    @Order(3)
    void damagedCheckpointsSamplesAndMetricsAreRefusedOrRedone() throws Exception {
        Path chain = temp.resolve("chain");
        Path weights = bestCheckpoint(chain, "ar").resolve("model.safetensors");
        byte[] original = Files.readAllBytes(weights);
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x10;
        Files.write(weights, flipped);
        CliRun sample = CliRun.of(ParadigmCommand::commandLine, "sample", "--paradigm", "ar", "--run-dir", chain.toString());
        assertEquals(1, sample.code(), sample.all());
        assertTrue(sample.err().contains("does not match its manifest: model.safetensors has sha256"), sample.err());
        assertTrue(sample.err().contains("--force train"), sample.err());
        Files.write(weights, original);

        Path samples = chain.resolve("mdlm/samples.jsonl");
        Files.write(samples, java.util.Arrays.copyOf(Files.readAllBytes(samples), (int) Files.size(samples) - 25));
        CliRun evaluate = CliRun.of(ParadigmCommand::commandLine, "evaluate", "--paradigm", "mdlm", "--run-dir", chain.toString());
        assertEquals(1, evaluate.code(), evaluate.all());
        assertTrue(evaluate.err().contains("samples.jsonl does not match its manifest"), evaluate.err());
        assertTrue(evaluate.err().contains("--force sample"), evaluate.err());

        Path metrics = chain.resolve("ar/metrics.json");
        Files.writeString(metrics, Files.readString(metrics).replaceFirst("\"value\" : 0\\.", "\"value\" : 1."));
        CliRun report = CliRun.of(ParadigmCommand::commandLine, "report", "--run-dir", chain.toString());
        assertEquals(1, report.code(), report.all());
        assertTrue(report.err().contains("metrics.json does not match its manifest"), report.err());

        ParadigmProcess redo = ParadigmProcess.start(temp.resolve("redo.txt"), compare(chain));
        assertEquals(0, redo.waitFor(300), redo.output());
        assertTrue(redo.output().contains("Stage sample mdlm") && redo.output().contains("Stage evaluate ar"), redo.output());
        assertTrue(redo.output().contains("Skipping train ar"), redo.output());
        assertSameAsReference(chain);
        tried.add("damaged files: a flipped bit in the best checkpoint, samples.jsonl cut short, an edited metrics.json: "
                + "3 refused by the command that read them, naming the file; compare redid the samples and the "
                + "evaluation and ended as the reference");
    }

    /**
     * A disk that fills up during training (a small tmpfs) fails the stage with a clear message; once there is space,
     * the same command finishes the run as the reference did. Mounting a tmpfs needs root (CAP_SYS_ADMIN) or
     * passwordless sudo, as `make test`'s own set-up does for apt-get; without either the test fails and says so.
     */
    @Test
    @Order(4)
    void aFullDiskFailsClearlyAndTheRunFinishesOnceThereIsSpace() throws Exception {
        Path mount = Files.createDirectories(temp.resolve("small-disk"));
        Process mounting = asRoot("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String why = new String(mounting.getInputStream().readAllBytes()).strip();
        assertEquals(0, mounting.waitFor(), "cannot mount a 1 MiB tmpfs here (" + why + "): the full-disk fault needs "
                + "root with CAP_SYS_ADMIN, or passwordless sudo");
        try {
            Path run = mount.resolve("run");
            ParadigmProcess full = ParadigmProcess.start(temp.resolve("full.txt"), compare(run));
            assertEquals(1, full.waitFor(300), full.output());
            assertTrue(full.output().contains("No space left on device"), full.output());
            assertFalse(full.output().contains("Traceback (most recent call last)"), full.output());
            assertFalse(Pattern.compile("\\n\\s+at [a-z]+\\.").matcher(full.output()).find(), full.output());

            Process grow = asRoot("mount", "-o", "remount,size=64m", mount.toString()).inheritIO().start();
            assertEquals(0, grow.waitFor());
            ParadigmProcess again = ParadigmProcess.start(temp.resolve("again.txt"), compare(run));
            assertEquals(0, again.waitFor(300), again.output());
            assertSameAsReference(run);
            assertNoLeftovers(run);
            tried.add("a 1 MiB disk: the run failed with 'No space left on device' and no stack trace; on a larger "
                    + "disk the same command finished it as the reference");
        } finally {
            asRoot("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    /** {@code command} as root: directly when this JVM is root, else through passwordless sudo. */
    private static ProcessBuilder asRoot(String... command) {
        List<String> full = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("sudo", "-n"));
        }
        full.addAll(List.of(command));
        return new ProcessBuilder(full);
    }

    @AfterAll
    static void writeWhatWasTried() throws IOException {
        tried.add(String.format(Locale.ROOT, "%.0f s in all, the reference run included", (System.nanoTime() - started) / 1e9));
        Files.write(Path.of(System.getProperty("paradigm.home"), "target", "fault-injection.txt"), tried);
    }

    // ---------------------------------------------------------------- faults

    /**
     * Waits for {@code stage} to start — or the first stage after it, when it is already complete — then SIGKILLs the
     * process at a seeded moment within that stage's length in the reference run.
     */
    private static void killDuring(ParadigmProcess process, String stage, Random random) throws Exception {
        double fraction = random.nextDouble();
        String started = awaitStageFrom(process, stage);
        if (started == null) {
            assertEquals(0, process.waitFor(60), process.output()); // it had nothing left to do
            return;
        }
        // prepare is mostly the start-up of Python's data modules, shorter in a run that has started before: its
        // kills fall in the first half of the reference's prepare, so that they land in prepare.
        double window = stageSeconds.get(started) * (started.equals("prepare") ? 0.5 : 1.0);
        Thread.sleep((long) (fraction * window * 1000));
        String hit = lastStage(process.output());
        boolean alive = process.isAlive();
        process.kill();
        if (alive) {
            killsByStage.merge(hit, 1, Integer::sum);
        } else {
            assertEquals(0, process.waitFor(10), process.output());
        }
    }

    /** The first stage at or after {@code stage} (in compare's order) that the process starts; null if it ends first. */
    private static String awaitStageFrom(ParadigmProcess process, String stage) throws InterruptedException {
        List<String> order = List.of(STAGES);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            Matcher started = STAGE_LINE.matcher(process.output());
            while (started.find()) {
                if (order.indexOf(started.group(1)) >= order.indexOf(stage)) {
                    return started.group(1);
                }
            }
            if (!process.isAlive()) {
                return null;
            }
            assertTrue(System.nanoTime() < deadline, "no stage from " + stage + " on started:\n" + process.output());
            Thread.sleep(5);
        }
    }

    private static String lastStage(String output) {
        Matcher stage = STAGE_LINE.matcher(output);
        String last = "startup";
        while (stage.find()) {
            last = stage.group(1);
        }
        return last;
    }

    // ---------------------------------------------------------------- comparing with the reference

    private static void assertSameAsReference(Path run) throws IOException {
        for (String file : List.of("data/manifest.json", "data/train.bin", "data/val.bin", "data/tokenizer.json")) {
            assertEquals(sha(reference.resolve(file)), sha(run.resolve(file)), file);
        }
        for (String p : List.of("ar", "mdlm")) {
            assertEquals(finalWeights(reference, p), finalWeights(run, p), p + ": the final weights");
            assertEquals(lossLines(reference.resolve(p + "/metrics.jsonl")), lossLines(run.resolve(p + "/metrics.jsonl")), p);
            assertEquals(summary(reference, p).path("data_digest"), summary(run, p).path("data_digest"), p);
            for (String file : List.of("samples.jsonl", "metrics.json")) {
                assertEquals(sha(reference.resolve(p).resolve(file)), sha(run.resolve(p).resolve(file)), p + "/" + file);
                assertTrue(Files.isRegularFile(run.resolve(p).resolve(file + ".manifest.json")), p + "/" + file);
            }
        }
        assertTrue(Files.isRegularFile(run.resolve("report.json")));
    }

    private static void assertNoLeftovers(Path run) throws IOException {
        try (Stream<Path> paths = Files.walk(run)) {
            List<Path> leftovers = paths.filter(p -> p.getFileName().toString().startsWith(".tmp-")
                    || p.getFileName().toString().startsWith(".old-")).toList();
            assertEquals(List.of(), leftovers);
        }
    }

    private static String finalWeights(Path run, String paradigm) throws IOException {
        Path checkpoints = run.resolve(paradigm).resolve("checkpoints");
        JsonNode latest = CompareCommandTest.json(checkpoints.resolve("index.json")).path("latest");
        assertEquals(12, latest.path("step").asInt(), run + ": the last checkpoint is the last step");
        return sha(checkpoints.resolve(latest.path("folder").asText()).resolve("model.safetensors"));
    }

    private static Path bestCheckpoint(Path run, String paradigm) throws IOException {
        Path checkpoints = run.resolve(paradigm).resolve("checkpoints");
        return checkpoints.resolve(CompareCommandTest.json(checkpoints.resolve("index.json")).path("best").path("folder").asText());
    }

    private static JsonNode summary(Path run, String paradigm) throws IOException {
        return lines(run.resolve(paradigm + "/metrics.jsonl"), "summary").get(0);
    }

    private static List<JsonNode> lines(Path log, String kind) throws IOException {
        return CompareCommandTest.jsonLines(log).stream().filter(l -> l.path("kind").asText().equals(kind)).toList();
    }

    /** train and eval lines reduced to their step and loss fields (timings differ from run to run). */
    private static List<String> lossLines(Path log) throws IOException {
        return CompareCommandTest.jsonLines(log).stream().filter(l -> LOSS_FIELDS.containsKey(l.path("kind").asText()))
                .map(l -> l.path("kind").asText() + LOSS_FIELDS.get(l.path("kind").asText()).stream()
                        .map(f -> " " + f + "=" + l.path(f).asText()).reduce("", String::concat))
                .toList();
    }

    private static String sha(Path file) throws IOException {
        return Sha256.ofFile(file);
    }

    private static String[] compare(Path run) {
        List<String> args = new ArrayList<>(List.of("compare", "--config", TinyConfig.file().toString(), "--run-dir",
                run.toString()));
        args.addAll(List.of(SETTINGS));
        return args.toArray(String[]::new);
    }

    /** A command with the suite's settings where it takes them (those that start from a config). */
    private static String[] withSettings(String[] command) {
        if (!command[0].equals("compare") && !command[0].equals("prepare")) {
            return command;
        }
        List<String> args = new ArrayList<>(List.of(command));
        if (command[0].equals("prepare")) {
            args.addAll(List.of(SETTINGS));
        }
        return args.toArray(String[]::new);
    }
}
