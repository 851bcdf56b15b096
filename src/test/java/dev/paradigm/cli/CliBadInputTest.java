package dev.paradigm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.testing.CliRun;
import dev.paradigm.testing.TinyConfig;
import dev.paradigm.testing.TinyJudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the command line says and returns for bad input, and for commands run in the wrong order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliBadInputTest {
    @TempDir
    static Path temp;

    private static CliRun run(String... args) {
        return CliRun.of(ParadigmCommand::commandLine, args);
    }

    /** A run folder where only AR has been trained (made by the first ordered test). */
    private static Path arOnly() {
        return temp.resolve("ar-only");
    }

    @Test
    void aConfigThatIsNotYamlIsAUsageErrorWithLineAndColumn() throws IOException {
        String fourth = "  lr: 0.1: 2"; // a second ':' on one line
        Path config = temp.resolve("broken.yaml");
        Files.writeString(config, "name: broken\ntrain:\n  steps: 5\n" + fourth + "\n");
        CliRun r = run("prepare", "--config", config.toString(), "--run-dir", temp.resolve("never").toString());
        assertEquals(2, r.code(), r.all());
        int column = fourth.indexOf(':', fourth.indexOf(':') + 1) + 1;
        assertTrue(r.err().contains("line 4, column " + column), r.err());
        assertTrue(r.err().contains(config.toString()), r.err());
        assertFalse(Files.exists(temp.resolve("never")), "nothing is written for a config that does not load");
    }

    @Test
    void anUnknownKeyIsAUsageErrorThatSuggestsTheNearestKey() throws IOException {
        Path config = temp.resolve("typo.yaml");
        Files.writeString(config, "name: typo\ntrain:\n  stepz: 5\n");
        CliRun r = run("prepare", "--config", config.toString(), "--run-dir", temp.resolve("never").toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("'train.stepz'"), r.err());
        assertTrue(r.err().contains("did you mean 'train.steps'?"), r.err());
    }

    /**
     * Rules that Python checked only once prepare had run (or, for sampling, once training had): now a usage error
     * (exit 2) that names the key, before anything is written.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "model.d_model=48         | model.n_head=16         | model.n_head: expected a head count that leaves an even head width",
        "model.seq_len=1          | sample.length=1         | model.seq_len: expected at least 2, found 1.",
        "model.impl=build         | sample.n=8              | model.impl: expected a factory as 'package.module:function'",
        "data.vocab_size=200      | sample.n=8              | data.vocab_size: expected at least 257, because data.tokenizer is bpe",
        "sample.ar_prompt=none    | sample.n=8              | sample.ar_prompt: expected eos, text or eos-text",
        "sample.length=33         | sample.n=8              | sample.length: expected at most model.seq_len (32)",
        "mdlm.eps=1               | sample.n=8              | mdlm.eps: expected a value in (0, 1), found 1.",
        "sample.confidence.min_temperature=0 | sample.n=8 | sample.confidence.min_temperature: expected a value above 0",
        "mdlm.time_sampler=uniform | mdlm.loss=nelbo        | mdlm.time_sampler: expected antithetic, because mdlm.loss is nelbo",
    })
    void aRulePythonNeedsIsAUsageErrorBeforePrepare(String first, String second, String message) {
        Path never = temp.resolve("never-" + first.replace('=', '-'));
        CliRun r = run("prepare", "--config", TinyConfig.file().toString(), "--run-dir", never.toString(),
                "--set", first, "--set", second);
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(never), "nothing is prepared for a config that fails its rules");
    }

    /** Frontier, memorization and judge settings out of range: exit 2 naming the key, before anything is written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "evaluate.frontier.points=1              | evaluate.frontier.points: expected 0 (no frontier) or from 2 to 20",
        "evaluate.frontier.points=21             | evaluate.frontier.points: expected 0 (no frontier) or from 2 to 20",
        "evaluate.frontier.samples=1             | evaluate.frontier.samples: expected at least 2, found 1.",
        "evaluate.frontier.temperature_low=0     | evaluate.frontier.temperature_low: expected a value in (0, 3), found 0.",
        "evaluate.frontier.temperature_high=0.5  | evaluate.frontier.temperature_high: expected a value above evaluate.frontier.temperature_low (0.7)",
        "evaluate.frontier.temperature_high=4    | and at most 3 (hotter samples are close to uniform noise), found 4.",
        "evaluate.frontier.mdlm_steps_low=0      | evaluate.frontier.mdlm_steps_low: expected at least 1, found 0.",
        "evaluate.frontier.mdlm_steps_high=4     | evaluate.frontier.mdlm_steps_high: expected at least evaluate.frontier.mdlm_steps_low + evaluate.frontier.points − 1 (5)",
        "evaluate.memorization.orders=[8,8]      | evaluate.memorization.orders: expected each n-gram length once, found [8, 8].",
        "evaluate.memorization.orders=[0,33]     | evaluate.memorization.orders: expected n-gram lengths from 1 to sample.length (32)",
        "evaluate.memorization.orders=eight      | evaluate.memorization.orders: expected a list of integers, e.g. [8, 16, 32], found 'eight' in the list.",
        "evaluate.memorization.max_index_mib=-1  | evaluate.memorization.max_index_mib: expected at least 0, found -1.",
        "evaluate.judge_batch_size=0             | evaluate.judge_batch_size: expected at least 1, found 0.",
        "evaluate.judge=hf:                      | evaluate.judge: expected null (this run's own AR model), hf:<model folder or hub id>",
        "evaluate.fluency.max_grammar_errors=0   | evaluate.fluency.max_grammar_errors: expected a value above 0, found 0.",
        "evaluate.fluency.max_judge_ppl_ratio=0.9 | evaluate.fluency.max_judge_ppl_ratio: expected at least 1, found 0.9.",
    })
    void anEvaluateSettingOutOfRangeIsAUsageErrorBeforeAnything(String setting, String message) {
        Path never = temp.resolve("never-" + Integer.toHexString(setting.hashCode()));
        CliRun r = run("compare", "--config", TinyConfig.file().toString(), "--run-dir", never.toString(), "--set", setting);
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(never), "nothing is written for a config that fails its rules");
    }

    @Test
    void aJudgeFolderThatHoldsNoModelIsAUsageErrorBeforeAnythingIsWritten() throws IOException {
        Path notAModel = Files.createDirectories(temp.resolve("not-a-model"));
        Files.writeString(notAModel.resolve("config.json"), "{}");
        Path never = temp.resolve("never-judge-folder");
        CliRun r = run("compare", "--config", TinyConfig.file().toString(), "--run-dir", never.toString(),
                "--set", "evaluate.judge=hf:" + notAModel);
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("evaluate.judge=hf:" + notAModel + ": the folder " + notAModel + " is not a Hugging "
                + "Face model: it has no weights"), r.err());
        assertFalse(Files.exists(never), "refused before the run folder is made");
    }

    /** Checks that need the prepared data or Python: after prepare, before any training or sampling. */
    @Test
    void aJudgeWhoseTokenizerCannotGiveBackTextIsAUsageErrorBeforeTraining() {
        Path lossy = TinyJudge.saveLossy(temp.resolve("lossy-judge"));
        Path folder = temp.resolve("lossy-judge-run");
        CliRun r = run("compare", "--config", TinyConfig.file().toString(), "--run-dir", folder.toString(),
                "--set", "evaluate.judge=hf:" + lossy);
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("evaluate.judge=hf:" + lossy + ": the judge's tokenizer does not give back the text "
                + "it encoded"), r.err());
        assertNothingTrainedOrSampled(folder);
    }

    @Test
    void aCheckpointJudgeThatIsNoCheckpointIsAUsageErrorBeforeTraining() {
        Path folder = temp.resolve("missing-judge-run");
        CliRun r = run("compare", "--config", TinyConfig.file().toString(), "--run-dir", folder.toString(),
                "--set", "evaluate.judge=" + temp.resolve("no-such-checkpoint"));
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("evaluate.judge=" + temp.resolve("no-such-checkpoint") + " is not a checkpoint folder"),
                r.err());
        assertNothingTrainedOrSampled(folder);
    }

    @Test
    void aTokenStoreTooLargeForTheMemorizationBudgetIsAUsageErrorBeforeTraining() {
        Path folder = temp.resolve("memory-run");
        CliRun r = run("compare", "--config", TinyConfig.file().toString(), "--run-dir", folder.toString(),
                "--set", "evaluate.memorization.max_index_mib=1");
        assertEquals(2, r.code(), r.all());
        // the estimate always includes 1 MiB of bookkeeping, so no training split fits in 1 MiB
        assertTrue(r.err().contains("more than evaluate.memorization.max_index_mib = 1. Raise "
                + "evaluate.memorization.max_index_mib to at least 2"), r.err());
        assertNothingTrainedOrSampled(folder);
    }

    private static void assertNothingTrainedOrSampled(Path folder) {
        assertTrue(Files.isRegularFile(folder.resolve("data/manifest.json")), "prepared: the checks need the data");
        for (String paradigm : List.of("ar", "mdlm")) {
            assertFalse(Files.exists(folder.resolve(paradigm + "/checkpoints")), paradigm + " was not trained");
            assertFalse(Files.exists(folder.resolve(paradigm + "/samples.jsonl")), paradigm + " was not sampled");
        }
    }

    @Test
    void zeroSamplesIsAUsageError() {
        CliRun r = run("sample", "--paradigm", "ar", "--n", "0", "--run-dir", temp.resolve("never").toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("Invalid value '0' for '--n': must be at least 1."), r.err());
    }

    @Test
    void anUnknownParadigmIsAUsageErrorListingTheKnownOnes() {
        CliRun r = run("train", "--paradigm", "xyz", "--config", TinyConfig.file().toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("Unknown paradigm 'xyz': expected one of ar, mdlm."), r.err());
    }

    /**
     * A first command that fails (here: a data file that is not there) leaves nothing that ties the folder to its
     * config, so the same command runs once the problem is fixed; and the data folder is as readable as any other.
     */
    @Test
    void aFailedFirstPrepareLeavesNoConfigSoTheSameCommandRunsOnceFixed() throws IOException {
        Path folder = temp.resolve("fixed-later");
        Path stories = temp.resolve("stories-later.txt");
        String[] command = {"prepare", "--config", TinyConfig.file().toString(), "--run-dir", folder.toString(), "--set",
            "data.source=text", "--set", "data.path=" + stories};
        CliRun failed = run(command);
        assertEquals(2, failed.code(), failed.all());
        assertTrue(failed.err().contains("data.path must name an existing file"), failed.err());
        assertFalse(Files.exists(folder.resolve("config.yaml")), "nothing ties the folder to the failed config");
        try (var left = Files.list(folder)) {
            // the lock made the folder; the log says why the command failed
            assertEquals(List.of(".lock", "paradigm.log"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }

        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append("Once upon a time a small dog called Pip ").append(i).append(" found a red ball in the park.<|endoftext|>");
        }
        Files.writeString(stories, text);
        CliRun fixed = run(command);
        assertEquals(0, fixed.code(), fixed.all());
        assertTrue(Files.isRegularFile(folder.resolve("config.yaml")));
        Path fresh = Files.createDirectory(temp.resolve("a-folder-like-any-other"));
        assertEquals(Files.getPosixFilePermissions(fresh), Files.getPosixFilePermissions(folder.resolve("data")),
                "data/ follows the umask, as every folder does (it was created private, 700)");
    }

    @Test
    @Order(1)
    void trainOnAFolderWithoutTokensPreparesThemFirst() throws IOException {
        CliRun r = run("train", "--paradigm", "ar", "--config", TinyConfig.file().toString(), "--run-dir", arOnly().toString(),
                "--set", "train.steps=5", "--set", "train.eval_interval=5");
        assertEquals(0, r.code(), r.all());
        assertTrue(Files.isRegularFile(arOnly().resolve("data/manifest.json")));
        assertTrue(Files.isRegularFile(arOnly().resolve("data/train.bin")));
        assertTrue(r.out().contains("Trained ar for 5 steps"), r.out());
        List<JsonNode> log = CompareCommandTest.jsonLines(arOnly().resolve("ar/metrics.jsonl"));
        assertEquals(5, log.get(log.size() - 1).path("steps").asInt());
    }

    /** The hint names the run folder's own config, so that the command it suggests runs as given. */
    @Test
    @Order(2)
    void samplingAnUntrainedParadigmSaysToTrainFirstWithACommandThatRuns() {
        CliRun r = run("sample", "--paradigm", "mdlm", "--run-dir", arOnly().toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("has not finished training"), r.err());
        String hint = "paradigm train --config " + arOnly().resolve("config.yaml") + " --paradigm mdlm --run-dir " + arOnly();
        assertTrue(r.err().contains("`" + hint + "`"), r.err());
        assertFalse(Files.exists(arOnly().resolve("mdlm/samples.jsonl")));

        CliRun hinted = run(hint.substring("paradigm ".length()).split(" "));
        assertEquals(0, hinted.code(), hinted.all());
        assertTrue(hinted.out().contains("Trained mdlm for 5 steps"), hinted.out());
    }

    @Test
    @Order(3)
    void aMalformedSamplesFileIsNamedWithItsLineNumber() throws IOException {
        Files.writeString(arOnly().resolve("ar/samples.jsonl"),
                "{\"format\":\"paradigm-samples\",\"version\":2}\n{\"index\":0,\"ids\":[0,5\n");
        CliRun r = run("evaluate", "--paradigm", "ar", "--run-dir", arOnly().toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains(arOnly().resolve("ar/samples.jsonl") + " line 2 is not valid JSON"), r.err());
        assertFalse(Files.exists(arOnly().resolve("ar/metrics.json")));
    }

    @Test
    void versionPrintsTheBuildVersion() throws IOException {
        Matcher pom = Pattern.compile("<artifactId>paradigm</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of(System.getProperty("paradigm.home"), "pom.xml")));
        assertTrue(pom.find(), "no project version in pom.xml");
        CliRun r = run("--version");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("paradigm " + pom.group(1) + " (Jep "), r.out());
    }

    @Test
    void generateCompletionPrintsABashCompletionScript() {
        CliRun r = run("generate-completion");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out().lines().findFirst().orElse(""));
        assertTrue(r.out().contains("complete -F _complete_paradigm"), "registers a completion function");
        for (String sub : List.of("compare", "train", "sample", "evaluate", "report", "prepare", "doctor")) {
            assertTrue(r.out().contains(sub), sub);
        }
    }
}
