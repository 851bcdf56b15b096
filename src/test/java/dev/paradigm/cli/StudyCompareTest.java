package dev.paradigm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.report.BrowserCheck;
import dev.paradigm.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny {@code arche-2026} run end to end: the study's every choice at toy dimensions, on generated stories. Its
 * report must set the published numbers beside the same quantities measured here (the study's validation CE, its
 * throughput, its Self-BLEU), say that the scale differs, and never present the NELBO as the study's number. By hand:
 * <pre>
 * java -jar target/paradigm.jar compare --config arche-2026 --run-dir runs/arche-tiny \
 *   --set data.source=generated --set data.tokenizer=bpe --set data.vocab_size=300 --set data.token_budget=0 \
 *   --set data.generated_stories=300 --set model.n_layer=2 --set model.d_model=32 --set model.n_head=2 \
 *   --set model.d_ff=64 --set model.seq_len=32 --set train.steps=20 --set train.batch_size=8 \
 *   --set train.warmup_steps=2 --set train.eval_interval=10 --set train.eval_batches=2 --set train.log_interval=5 \
 *   --set train.checkpoint_interval=10 --set train.device=cpu --set train.compile=false --set sample.n=8 \
 *   --set sample.length=32 --set sample.batch_size=8 --set evaluate.bootstrap=50 --set evaluate.grammar_samples=0
 * </pre>
 */
class StudyCompareTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TINY = List.of("data.source=generated", "data.text_format=auto", "data.tokenizer=bpe", "data.vocab_size=300",
            "data.token_budget=0", "data.generated_stories=300", "model.n_layer=2", "model.d_model=32",
            "model.n_head=2", "model.d_ff=64", "model.seq_len=32", "train.steps=20", "train.batch_size=8",
            "train.warmup_steps=2", "train.eval_interval=10", "train.eval_batches=2", "train.log_interval=5",
            "train.checkpoint_interval=10", "train.device=cpu", "train.compile=false", "sample.n=8", "sample.length=32",
            "sample.batch_size=8", "evaluate.bootstrap=50", "evaluate.grammar_samples=0", "evaluate.judge=null",
            "evaluate.frontier.points=0");

    @TempDir
    Path temp;

    @Test
    void aTinyArcheRunReportsTheStudysNumbersLikeForLikeAndItsNelboApart() throws IOException {
        Path run = temp.resolve("arche-tiny");
        List<String> args = new ArrayList<>(List.of("compare", "--config", "arche-2026", "--run-dir", run.toString()));
        TINY.forEach(set -> args.addAll(List.of("--set", set)));
        CliRun r = CliRun.of(ParadigmCommand::commandLine, args.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());

        for (String p : List.of("ar", "mdlm")) {
            List<JsonNode> log = new ArrayList<>();
            for (String line : Files.readAllLines(run.resolve(p + "/metrics.jsonl"))) {
                log.add(JSON.readTree(line));
            }
            List<JsonNode> evals = log.stream().filter(l -> l.path("kind").asText().equals("eval")).toList();
            assertEquals(3, evals.size(), p); // step 0 (the untrained model), 10 and 20
            for (JsonNode eval : evals) {
                double ce = eval.path("val_ce").asDouble(Double.NaN);
                assertTrue(ce > 0 && Double.isFinite(ce), p + " measures the study's number: " + eval);
            }
            JsonNode summary = log.get(log.size() - 1);
            double loop = summary.path("loop_tokens_per_s").asDouble();
            assertTrue(loop > 0 && loop < summary.path("tokens_per_s").asDouble(),
                    p + ": the whole loop is slower than training alone: " + summary);
            assertEquals("float32", summary.path("dtype").asText());
            JsonNode sampler = JSON.readTree(Files.readString(run.resolve(p + "/metrics.json"))).path("sampler");
            assertEquals(0.8, sampler.path("temperature").asDouble(), 0.0);
            assertFalse(sampler.path("stop_at_eos").asBoolean());
        }

        String markdown = Files.readString(run.resolve("report.md"));
        int paperAt = markdown.indexOf("**This run beside the published study");
        int likelihoodsAt = markdown.indexOf("**This run's likelihoods, which the study did not report");
        assertTrue(paperAt > 0 && likelihoodsAt > paperAt, markdown);
        String paper = markdown.substring(paperAt, likelihoodsAt);
        assertTrue(paper.contains("NOT at the study's scale") && paper.contains("model.n_layer = 2 (the study: 12)"),
                paper);
        assertTrue(paper.contains("| Validation CE at step 2,000 | n/a | 2.6600 | n/a | 3.9519 |"), paper);
        assertTrue(paper.contains("| Best validation CE |") && paper.contains("| Self-BLEU (200 candidates × 50"), paper);
        paper.lines().filter(l -> l.startsWith("|")).forEach(row -> assertFalse(
                row.toLowerCase(java.util.Locale.ROOT).matches(".*(nelbo|validation loss|bound).*"), row));
        assertFalse(markdown.contains("## What the controlled protocol changes"));

        JsonNode report = JSON.readTree(Files.readString(run.resolve("report.json")));
        assertTrue(report.at("/study_protocol/follows_study").asBoolean());
        for (JsonNode row : report.get("paper_comparison")) {
            assertFalse(row.get("key").asText().startsWith("val_loss"), "no likelihood row in the paper table");
        }

        Path html = run.resolve("report.html");
        BrowserCheck.Result page = BrowserCheck.check(html);
        assertEquals(List.of(), page.consoleMessages(), "the page logs nothing to the console");
        assertTrue(page.dom().contains("id=\"paper\"") && page.dom().contains("Beside the published study"));
    }
}
