package dev.paradigm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.checkpoint.CheckpointInfo;
import dev.paradigm.checkpoint.CheckpointStore;
import dev.paradigm.checkpoint.DataPosition;
import dev.paradigm.run.FileManifest;
import dev.paradigm.run.Manifests;
import dev.paradigm.testing.CliRun;
import dev.paradigm.testing.RunSnapshot;
import dev.paradigm.testing.TinyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paradigm compare} end to end on the tiny config, in this JVM's shared Python. The first test makes a
 * complete run folder; the ones after it rerun, damage or force parts of it and check exactly what was redone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper() // step 0's eval line has train_loss NaN
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
    private static final List<String> PARADIGMS = List.of("ar", "mdlm");
    private static final String[] STAGES = {"prepare", "train ar", "train mdlm", "sample ar", "frontier ar", "sample mdlm",
        "frontier mdlm", "evaluate ar", "evaluate mdlm", "report"};
    /** Small enough that the extra folders (seed sweep, failing judge) cost a few seconds each. */
    private static final String[] SHORT = {"--set", "train.steps=10", "--set", "sample.n=4"};

    @TempDir
    static Path temp;

    static Path run() {
        return temp.resolve("run");
    }

    static CliRun compare(Path runDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("compare", "--config", TinyConfig.file().toString(),
                "--run-dir", runDir.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(ParadigmCommand::commandLine, args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void aFullRunWritesEveryFileAndTheReportRepeatsTheRunsNumbers() throws IOException {
        CliRun r = compare(run());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Report: " + run().resolve("report.html").toAbsolutePath()), r.out());
        for (String f : List.of("config.yaml", "data/manifest.json", "report.html", "report.md", "report.json")) {
            assertTrue(Files.isRegularFile(run().resolve(f)), f);
        }
        JsonNode report = json(run().resolve("report.json"));
        int expectedTokens = TinyConfig.STEPS * 8 * TinyConfig.SEQ_LEN; // steps × train.batch_size × seq_len
        for (String p : PARADIGMS) {
            List<JsonNode> log = jsonLines(run().resolve(p + "/metrics.jsonl"));
            JsonNode summary = log.get(log.size() - 1);
            assertEquals("summary", summary.path("kind").asText(), p);
            assertEquals(expectedTokens, summary.path("tokens").asLong(), p);
            List<JsonNode> evals = log.stream().filter(l -> l.path("kind").asText().equals("eval")).toList();
            assertEquals(List.of(0, 10, 20), evals.stream().map(e -> e.path("step").asInt()).toList(),
                    p + " evaluates before the first step and every 10 steps");
            assertTrue(Double.isNaN(evals.get(0).path("train_loss").asDouble()), p + ": no step before step 0");
            assertTrue(evals.get(0).path("val_loss").asDouble() > evals.get(2).path("val_loss").asDouble(), p + " learns");
            JsonNode best = evals.stream().min((a, b) -> Double.compare(a.path("val_loss").asDouble(),
                    b.path("val_loss").asDouble())).orElseThrow();

            JsonNode metrics = json(run().resolve(p + "/metrics.json"));
            assertEquals(8, metrics.path("n_samples").asInt(), p);
            assertEquals(best.path("val_loss").asDouble(), metrics.path("validation").path("val_loss").asDouble(), 0.0, p);
            assertEquals(p.equals("mdlm"), metrics.path("validation").path("bound").asBoolean(), p + ": MDLM's is a bound");
            double genPpl = metrics.path("fluency").path("gen_ppl").path("value").asDouble();
            assertTrue(genPpl > 1 && Double.isFinite(genPpl), p + " gen_ppl " + genPpl);

            JsonNode reported = report.path("samples").path(p);
            for (String m : List.of("distinct_2", "self_bleu", "unigram_entropy")) {
                assertEquals(metrics.path("metrics").path(m), reported.path("metrics").path(m), p + " " + m);
            }
            assertEquals(metrics.path("fluency").path("gen_ppl"), reported.path("fluency").path("gen_ppl"), p);
            assertFalse(metrics.path("fluency").path("judge_independent").asBoolean(), p + ": the tiny config's judge is "
                    + "its own AR model");
            assertTrue(metrics.path("fluency").path("self_judged_ppl").isNull(), p + ": the judge already is the AR model");

            // memorization: the samples and held-out text against the training tokens, every order of the config
            JsonNode memorization = metrics.path("memorization");
            assertEquals(8, memorization.path("samples").path("sequences").asInt(), p);
            // held-out pieces must fit a 32-token chunk whole: the tiny corpus's stories rarely do, so there may be none
            assertTrue(memorization.path("held_out").isNull() || memorization.path("held_out").path("sequences").asInt() > 0, p);
            assertTrue(memorization.path("train_tokens").asLong() > 0, p);
            assertEquals(List.of("8", "16", "32"), fieldNames(memorization.path("samples").path("copied_share")), p);
            assertEquals(memorization, reported.path("memorization"), p);

            // the frontier: two temperatures (and, for MDLM, two step counts) of four samples each
            int settings = p.equals("ar") ? 2 : 4;
            List<JsonNode> frontierLines = jsonLines(run().resolve(p + "/frontier.jsonl"));
            assertEquals("paradigm-frontier-samples", frontierLines.get(0).path("format").asText());
            assertEquals(settings * 4, frontierLines.size() - 1, p);
            assertEquals(List.of(0.7, 1.3), frontierLines.subList(1, 9).stream().map(l -> l.path("sampler")
                    .path("temperature").asDouble()).distinct().toList(), p);
            JsonNode frontier = metrics.path("frontier");
            assertEquals(settings, frontier.size(), p);
            assertEquals(frontier, report.path("quality_diversity").path(p), p);
            for (JsonNode point : frontier) {
                assertEquals(4, point.path("samples").asInt(), p);
                assertTrue(point.path("self_bleu").path("value").asDouble() >= 0, point.toString());
            }
            if (p.equals("mdlm")) {
                assertEquals(List.of(4, 8), List.of(frontier.get(2).path("mdlm_steps").asInt(),
                        frontier.get(3).path("mdlm_steps").asInt()), "the step sweep");
            }
            JsonNode training = report.path("training").path(p);
            assertEquals(summary.path("analysis").path("best_val_loss").asDouble(),
                    training.path("summary").path("analysis").path("best_val_loss").asDouble(), 0.0, p);
            assertEquals(best.path("val_loss").asDouble(), summary.path("analysis").path("best_val_loss").asDouble(), 0.0, p);
            assertEquals(summary.path("params").asLong(), training.path("summary").path("params").asLong(), p);
            assertEquals(summary.path("data_digest").asText(), training.path("summary").path("data_digest").asText(), p);
            assertEquals(evals.size(), training.path("evals").size(), p);

            List<JsonNode> lines = jsonLines(run().resolve(p + "/samples.jsonl"));
            assertEquals("paradigm-samples", lines.get(0).path("format").asText(), "the header line");
            List<JsonNode> samples = lines.subList(1, lines.size());
            assertEquals(8, samples.size(), p);
            for (JsonNode s : samples) {
                assertEquals(32, s.path("ids").size(), p + " sample length");
                s.path("ids").forEach(id -> assertTrue(id.asInt() >= 0 && id.asInt() < TinyConfig.VOCAB, p + " id " + id));
                // the sampler got the config's settings (snake_case keys, as Python reads them)
                assertEquals(8, s.path("sampler").path("mdlm_steps").asInt(), s.path("sampler").toString());
                assertEquals(8, s.path("sampler").path("batch_size").asInt(), s.path("sampler").toString());
                // sample.ar_prompt and sample.mdlm_prompt are eos: both start from the end-of-story token (id 0)
                assertEquals("eos", s.path("sampler").path("prompt").asText(), p);
                assertEquals("[0]", s.path("sampler").path("prompt_ids").toString(), p);
                assertEquals(0, s.path("ids").get(0).asInt(), p + " samples begin with their prompt");
            }
        }
        JsonNode arSummary = last(jsonLines(run().resolve("ar/metrics.jsonl")));
        JsonNode mdlmSummary = last(jsonLines(run().resolve("mdlm/metrics.jsonl")));
        assertEquals(64, arSummary.path("data_digest").asText().length());
        assertEquals(arSummary.path("data_digest").asText(), mdlmSummary.path("data_digest").asText(), "same data, same order");
        assertEquals(TinyConfig.D_MODEL, mdlmSummary.path("params").asLong() - arSummary.path("params").asLong());
        assertTrue(report.path("control").path("same_data").asBoolean(), report.path("control").toString());
        assertTrue(report.path("samples").path("fluency_comparable").isBoolean());
        assertFalse(report.path("samples").path("fluency_reason").asText().isEmpty());
        assertTrue(report.path("verdict").isArray() && report.path("verdict").size() >= 4, report.path("verdict").toString());
        assertTrue(report.path("methods").size() > 0);
        assertEquals(TinyConfig.D_MODEL, report.path("control").path("param_difference_mdlm_minus_ar").asLong());
    }

    /** What a team's tools read: paradigm.log, TensorBoard's event files, and metrics.jsonl as CSV. */
    @Test
    @Order(2)
    void theRunFolderHoldsItsLogTensorBoardEventsAndExportsItsMetricsAsCsv() throws IOException {
        String log = Files.readString(run().resolve("paradigm.log"));
        for (String line : List.of("── paradigm compare --config", "Stage train mdlm", "ar step 20 (epoch ",
                "Report: " + run().resolve("report.html").toAbsolutePath(), "── exit code 0")) {
            assertTrue(log.contains(line), line + "\n" + log);
        }
        for (String p : PARADIGMS) {
            try (var files = Files.list(run().resolve(p + "/tensorboard"))) {
                List<Path> events = files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents.")).toList();
                assertEquals(1, events.size(), p + ": " + events);
                assertTrue(Files.size(events.get(0)) > 1000, p + ": " + Files.size(events.get(0)) + " bytes");
            }
        }

        CliRun r = CliRun.of(ParadigmCommand::commandLine, "export", "--run-dir", run().toString(), "--csv", "--out", "-");
        assertEquals(0, r.code(), r.all());
        List<String> rows = r.out().lines().toList();
        List<String> header = List.of(rows.get(0).split(","));
        assertEquals(List.of("paradigm", "kind", "step"), header.subList(0, 3), rows.get(0));
        assertTrue(header.containsAll(List.of("loss", "epoch", "val_ppl", "analysis.best_val_loss")), rows.get(0));
        List<JsonNode> ar = jsonLines(run().resolve("ar/metrics.jsonl"));
        List<JsonNode> mdlm = jsonLines(run().resolve("mdlm/metrics.jsonl"));
        assertEquals(ar.size() - 1 + mdlm.size() - 1, rows.size() - 1, "one row per line of both logs, headers aside");
        String[] lastRow = rows.get(rows.size() - 1).split(",", -1);
        assertEquals(header.size(), lastRow.length, rows.get(rows.size() - 1));
        assertEquals("mdlm", lastRow[0]);
        assertEquals("summary", lastRow[1]);
        assertEquals(last(mdlm).path("data_digest").asText(), lastRow[header.indexOf("data_digest")]);
        assertEquals(last(mdlm).path("analysis").path("best_val_loss").asDouble(),
                Double.parseDouble(lastRow[header.indexOf("analysis.best_val_loss")]), 0.0);

        CliRun toFile = CliRun.of(ParadigmCommand::commandLine, "export", "--run-dir", run().toString(), "--csv");
        assertEquals(0, toFile.code(), toFile.all());
        assertEquals(r.out(), Files.readString(run().resolve("metrics.csv")));
    }

    @Test
    @Order(3)
    void aSecondRunSkipsEveryStageAndTouchesNothing() {
        RunSnapshot before = RunSnapshot.of(run());
        CliRun r = compare(run());
        assertEquals(0, r.code(), r.all());
        for (String stage : STAGES) {
            assertTrue(r.log().contains("Skipping " + stage + ": already complete."), stage + "\n" + r.log());
        }
        assertEquals(Set.of(), RunSnapshot.of(run()).rewrittenSince(before));
    }

    @Test
    @Order(4)
    void deletedSamplesAreDrawnAgainIdenticallyAndOnlyWhatDependsOnThemIsRedone() throws IOException {
        RunSnapshot before = RunSnapshot.of(run());
        Files.delete(run().resolve("mdlm/samples.jsonl"));
        CliRun r = compare(run());
        assertEquals(0, r.code(), r.all());
        RunSnapshot after = RunSnapshot.of(run());
        // Seeded sampling from the same checkpoint gives the same bytes, so metrics.json (which names the samples'
        // SHA-256) is still current and evaluation is skipped; the report is rewritten from its newer input.
        assertEquals(before.files().get("mdlm/samples.jsonl").sha256(), after.files().get("mdlm/samples.jsonl").sha256());
        assertEquals(Set.of("mdlm/samples.jsonl", "mdlm/samples.jsonl.manifest.json", "report.html", "report.md",
                "report.json"), withoutScreenshot(after.rewrittenSince(before)), r.log());
        assertTrue(r.log().contains("Stage sample mdlm"), r.log());
        assertTrue(r.log().contains("Skipping sample ar"), r.log());
        assertTrue(r.log().contains("Skipping evaluate mdlm"), r.log());
    }

    @Test
    @Order(5)
    void samplesThatChangedAreEvaluatedAgain() throws IOException {
        Path samples = run().resolve("ar/samples.jsonl");
        List<String> lines = Files.readAllLines(samples);
        String original = Files.readString(run().resolve("ar/metrics.json"));
        // the same number of well-formed samples, but not the ones metrics.json was computed from
        Files.write(samples, lines.stream().map(l -> l.replaceFirst("\"ids\":\\[0,\\d+,", "\"ids\":[0,7,"))
                .map(l -> l.replaceFirst(",\"text\":\"", ",\"text\":\"edited "))
                .toList());
        Manifests.reseal(samples); // as a sample stage would have written them
        RunSnapshot before = RunSnapshot.of(run());
        CliRun r = compare(run());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.log().contains("Stage evaluate ar"), r.log());
        assertEquals(Set.of("ar/metrics.json", "ar/metrics.json.manifest.json", "report.html", "report.md", "report.json"),
                withoutScreenshot(RunSnapshot.of(run()).rewrittenSince(before)), r.log());
        assertFalse(original.equals(Files.readString(run().resolve("ar/metrics.json"))), "the metrics follow the samples");
        // put the real samples back for the tests after this one
        Files.delete(samples);
        assertEquals(0, compare(run()).code());
        assertEquals(original, Files.readString(run().resolve("ar/metrics.json")));
    }

    @Test
    @Order(6)
    void forcingSampleRedoesSampleEvaluateAndReportButNotTraining() {
        RunSnapshot before = RunSnapshot.of(run());
        CliRun r = compare(run(), "--force", "sample");
        assertEquals(0, r.code(), r.all());
        Set<String> expected = new TreeSet<>(Set.of("report.html", "report.md", "report.json"));
        for (String p : PARADIGMS) {
            for (String file : List.of("/samples.jsonl", "/frontier.jsonl", "/metrics.json")) {
                expected.add(p + file);
                expected.add(p + file + ".manifest.json");
            }
        }
        assertEquals(expected, withoutScreenshot(RunSnapshot.of(run()).rewrittenSince(before)), r.log());
        assertTrue(r.log().contains("Skipping train ar") && r.log().contains("Skipping train mdlm"), r.log());
    }

    @Test
    @Order(7)
    void anotherConfigOnTheSameFolderIsRefusedNamingTheKey() throws IOException {
        RunSnapshot before = RunSnapshot.of(run());
        CliRun r = compare(run(), "--set", "train.steps=25");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("train.steps"), r.err());
        assertTrue(r.err().contains("20") && r.err().contains("25"), "both values are shown: " + r.err());
        assertTrue(r.err().contains("another --run-dir"), r.err());
        assertEquals(Set.of(), RunSnapshot.of(run()).rewrittenSince(before));
    }

    @Test
    @Order(8)
    void aSeedSweepRunsEachSeedInItsOwnFolderAndSummarisesThem() throws IOException {
        Path sweep = temp.resolve("sweep");
        CliRun r = compare(sweep, concat(SHORT, "--seeds", "2"));
        assertEquals(0, r.code(), r.all());
        List<Long> seeds = List.of(1337L, 1338L); // seed and seed + 1 of tiny.yaml
        JsonNode summary = json(sweep.resolve("sweep.json"));
        assertEquals(seeds, streamOf(summary.path("runs")).map(n -> n.path("seed").asLong()).toList());
        double sum = 0;
        for (long seed : seeds) {
            Path folder = sweep.resolve("seed-" + seed);
            assertTrue(Files.readString(folder.resolve("config.yaml")).contains("seed: " + seed), folder.toString());
            assertTrue(Files.isRegularFile(folder.resolve("report.json")), folder.toString());
            sum += last(jsonLines(folder.resolve("ar/metrics.jsonl"))).path("analysis").path("best_val_loss").asDouble();
        }
        JsonNode stat = findStatistic(summary, "ar", "val");
        assertEquals(sum / 2, stat.path("mean").asDouble(), 1e-12, stat.toString());
    }

    @Test
    @Order(9)
    void aFailingStageIsNamedAndWhatCompletedIsKept() throws IOException {
        Path failing = temp.resolve("failing-judge");
        // A checkpoint, whole by its manifest, that passes the judge checks before sampling (an AR model of this
        // vocabulary) but holds no weights: the evaluate stage fails when it loads them.
        CheckpointStore store = CheckpointStore.open(temp.resolve("weightless-judge"), 1);
        Path files = store.beginWrite(10);
        Files.writeString(files.resolve("model_args.json"), "{\"paradigm\": \"ar\", \"model\": {\"vocab_size\": "
                + TinyConfig.VOCAB + "}}");
        Path judge = store.commit(files, new CheckpointInfo(10, "c".repeat(64), null, "d".repeat(64), 4.2,
                new DataPosition(10, "e".repeat(64)), Map.of())).folder();
        CliRun r = compare(failing, concat(SHORT, "--set", "evaluate.judge=" + judge));
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("Stage 'evaluate ar' failed"), r.all());
        assertTrue(r.err().contains("Completed and kept: prepare, train ar, train mdlm, sample ar, frontier ar, sample mdlm, "
                + "frontier mdlm."), r.err());
        for (String f : List.of("ar/samples.jsonl", "mdlm/samples.jsonl", "ar/checkpoints/index.json", "mdlm/checkpoints/index.json")) {
            assertTrue(Files.isRegularFile(failing.resolve(f)), f);
        }
        assertFalse(Files.exists(failing.resolve("ar/metrics.json")));
        assertFalse(Files.exists(failing.resolve("report.json")));

        // evaluate.* may change on an existing run folder: fixing the judge finishes the run without retraining.
        CliRun fixed = compare(failing, SHORT);
        assertEquals(0, fixed.code(), fixed.all());
        assertTrue(fixed.all().contains("Skipping train ar"), fixed.all());
        assertTrue(fixed.all().contains("Skipping sample mdlm"), fixed.all());
        assertTrue(Files.isRegularFile(failing.resolve("report.json")));
    }

    @Test
    @Order(10)
    void aRunFolderOfAnOlderFormatIsRefusedNamingTheCommandThatRedoesIt() throws IOException {
        for (String p : PARADIGMS) { // as a paradigm before format versions wrote them: no header line, no manifest
            Path log = run().resolve(p + "/metrics.jsonl");
            List<String> lines = Files.readAllLines(log);
            Files.write(log, lines.subList(1, lines.size()));
            Files.delete(FileManifest.of(log));
        }
        RunSnapshot before = RunSnapshot.of(run());
        CliRun refused = compare(run());
        assertEquals(1, refused.code(), refused.all());
        assertTrue(refused.err().contains(run().resolve("ar/metrics.jsonl") + " was written by an older paradigm (no format "
                + "version)"), refused.err());
        assertEquals(Set.of(), RunSnapshot.of(run()).rewrittenSince(before), "nothing is overwritten");

        Matcher command = Pattern.compile("Rerun `paradigm ([^`]+)`").matcher(refused.err());
        assertTrue(command.find(), refused.err());
        assertEquals("compare --config " + run().resolve("config.yaml") + " --run-dir " + run() + " --force train",
                command.group(1));
        CliRun redone = CliRun.of(ParadigmCommand::commandLine, command.group(1).split(" "));
        assertEquals(0, redone.code(), redone.all());
        assertTrue(redone.log().contains("Stage train ar") && redone.log().contains("Stage report"), redone.log());
        assertEquals("paradigm-metrics-log", jsonLines(run().resolve("mdlm/metrics.jsonl")).get(0).path("format").asText());
    }

    /** Each paradigm starts from its own key's prompt; text is encoded, sampled from and decoded in one engine call. */
    @Test
    @Order(11)
    void eachParadigmStartsFromItsOwnPromptAndTheReportFlagsTheDifference() throws IOException {
        Path prompted = temp.resolve("prompted");
        CliRun r = compare(prompted, concat(SHORT, "--set", "sample.ar_prompt=text", "--set", "sample.mdlm_prompt=eos-text",
                "--set", "sample.prompt_text=Once upon"));
        assertEquals(0, r.code(), r.all());
        for (String p : PARADIGMS) {
            List<JsonNode> lines = jsonLines(prompted.resolve(p + "/samples.jsonl"));
            for (JsonNode s : lines.subList(1, lines.size())) { // after the header line
                JsonNode promptIds = s.path("sampler").path("prompt_ids");
                assertEquals(p.equals("ar") ? "text" : "eos-text", s.path("sampler").path("prompt").asText(), p);
                assertEquals(p.equals("mdlm"), promptIds.get(0).asInt() == 0, p + ": only eos-text starts with eos");
                assertTrue(promptIds.size() >= 2, p + " " + promptIds);
                for (int i = 0; i < promptIds.size(); i++) {
                    assertEquals(promptIds.get(i).asInt(), s.path("ids").get(i).asInt(), p + " samples begin with the prompt");
                }
                assertTrue(s.path("text").asText().startsWith("Once upon"), p + ": " + s.path("text").asText());
            }
        }
        assertFalse(json(prompted.resolve("report.json")).path("control").path("same_prompt").asBoolean(),
                "different prompts are the study's confound, and the report says so");
    }

    // ---------------------------------------------------------------- helpers

    /** report.png is written only where Chromium is installed. */
    private static Set<String> withoutScreenshot(Set<String> files) {
        return files.stream().filter(f -> !f.equals("report.png")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode findStatistic(JsonNode sweep, String paradigm, String fragment) {
        var names = new ArrayList<String>();
        sweep.path("statistics").fieldNames().forEachRemaining(names::add);
        String key = names.stream().filter(k -> k.contains(paradigm) && k.contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + paradigm + " " + fragment + " statistic in " + names));
        return sweep.path("statistics").path(key);
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private static java.util.stream.Stream<JsonNode> streamOf(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode last(List<JsonNode> lines) {
        return lines.get(lines.size() - 1);
    }

    static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
