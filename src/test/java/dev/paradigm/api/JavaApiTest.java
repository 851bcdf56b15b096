package dev.paradigm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.ConfigException;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.DataManifest;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.report.RunReport;
import dev.paradigm.run.MetricsLine;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.run.SampleLine;
import dev.paradigm.run.TrainingLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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

/**
 * The Java API as a program outside paradigm uses it: {@link Runner} and the records it returns, nothing else of
 * paradigm's (the tiny test config is read by its path, as a user's file would be). The documented example runs last,
 * on the run folder the first test completed, so it only reads what is there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JavaApiTest {
    @TempDir
    static Path temp;

    private static String tinyConfig() {
        try {
            return Path.of(JavaApiTest.class.getResource("/configs/tiny.yaml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void singleStagesReturnTheirRecordsAndCompareReusesThem() {
        Runner runner = Runner.start();
        ExperimentConfig config = Runner.config(tinyConfig(), "sample.n=8"); // as the example asks
        Path run = temp.resolve("run");

        DataManifest data = runner.prepare(config, run);
        assertEquals(300, data.tokenizer().vocabSize(), "the tiny config's vocabulary");
        assertEquals(32, data.seqLen());

        TrainingLog ar = runner.train(config, run, Paradigm.AR);
        MetricsLine.Summary summary = ar.summary().orElseThrow();
        assertEquals(20, summary.steps());
        assertEquals(List.of(0, 10, 20), ar.evals().stream().map(MetricsLine.Eval::step).toList());
        assertEquals(summary, runner.train(config, run, Paradigm.AR).summary().orElseThrow(), "complete: not redone");

        List<SampleLine> samples = runner.sample(config, run, Paradigm.AR);
        assertEquals(8, samples.size());
        assertTrue(samples.stream().allMatch(s -> s.ids().size() == 32 && s.paradigm() == Paradigm.AR), samples.toString());

        SampleEvaluation evaluation = runner.evaluate(config, run, Paradigm.AR);
        assertEquals(8, evaluation.nSamples());
        assertEquals(summary.analysis().bestValLoss(), evaluation.validation().valLoss(), 0.0);

        RunReport report = runner.compare(config, run); // trains, samples and evaluates MDLM; AR's stages are complete
        assertEquals(summary, report.ar().summary());
        assertEquals(evaluation, report.ar().evaluation());
        assertEquals(summary.dataDigest(), report.mdlm().summary().dataDigest(), "the same batch stream");
        assertEquals(8, report.mdlm().evaluation().nSamples());
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
        assertEquals(report.ar().summary(), runner.report(run).ar().summary());
    }

    @Test
    @Order(2)
    void anUnusableConfigIsRefusedBeforeAnyWork() {
        ConfigException fromYaml = assertThrows(ConfigException.class, () -> Runner.configFromYaml("train:\n  steps: 0\n"));
        assertTrue(fromYaml.getMessage().contains("train.steps: expected at least 1, found 0."), fromYaml.getMessage());

        ExperimentConfig c = Runner.config(tinyConfig());
        ExperimentConfig byHand = new ExperimentConfig(c.name(), -1, c.protocol(), c.data(), c.model(), c.train(),
                c.mdlm(), c.sample(), c.evaluate()); // a record built in code, not loaded
        Path run = temp.resolve("never");
        ConfigException e = assertThrows(ConfigException.class, () -> Runner.start().prepare(byHand, run));
        assertTrue(e.getMessage().contains("seed: expected at least 0, found -1."), e.getMessage());
        assertFalse(Files.exists(run));
    }

    /** docs/java-api.md's example is this test tree's CompareFromJava, verbatim, and runs. */
    @Test
    @Order(3)
    void theDocumentedExampleIsTheOneThatRuns() throws IOException {
        Path root = Path.of(System.getProperty("paradigm.home", "."));
        String doc = Files.readString(root.resolve("docs/java-api.md"));
        Matcher block = Pattern.compile("```java\n(import dev\\.paradigm\\.api\\.Runner;.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(block.find(), "docs/java-api.md has no java block that starts with the API's import");
        String source = Files.readString(root.resolve("src/test/java/dev/paradigm/api/CompareFromJava.java"));
        assertEquals(source.substring(source.indexOf("\nimport ") + 1), block.group(1));

        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            CompareFromJava.main(new String[] {tinyConfig(), temp.resolve("run").toString()});
        } finally {
            System.setOut(console);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.matches("(?s)AR: [\\d,]+ parameters, best validation loss \\d+\\.\\d{4} at step \\d+, distinct-2 "
                + "\\d\\.\\d{3}\nMDLM: .*"), out);
    }
}
