package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper table compares like with like: a run that makes the study's choices gets the published numbers beside
 * the same quantities measured the same way (never its NELBO); any other run gets the table of what it changed.
 */
class PaperComparisonTest {
    /** The study's validation number this fixture claims at evaluations 2,000 … 12,000, AR then MDLM. */
    private static final double[] AR_CE = {2.70, 2.10, 1.90, 1.75, 1.80, 1.85};
    private static final double[] MDLM_CE = {4.00, 3.90, 3.70, 3.60, 3.55, 3.50};

    @TempDir
    Path temp;

    @Test
    void aControlledRunGetsNoPaperNumbersButWhatItChanged() {
        Path run = ReportFixture.copy(temp, "run");
        ReportFiles files = ReportGenerator.write(run, ReportFixture.CLOCK);
        String markdown = read(files.markdown());
        assertFalse(markdown.contains("## Beside the published study"));
        assertFalse(read(files.html()).contains("id=\"paper\""));
        assertTrue(ReportFixture.readJson(files.json()).get("paper_comparison").isNull());
        assertTrue(markdown.contains("## What the controlled protocol changes"), markdown);
        assertTrue(markdown.contains("| Sampling prompt | AR starts from \"Once\", MDLM unconditionally | "
                + "sample.ar_prompt = eos; sample.mdlm_prompt = eos; sample.prompt_text = null | ✓ yes |"), markdown);
        assertTrue(markdown.contains("| Story separator | stories concatenated with no end-of-story token | "
                + "data.separator = eos | ✓ yes |"), markdown);
        assertTrue(read(files.html()).contains("id=\"protocol\""));
        JsonNode protocol = ReportFixture.readJson(files.json()).get("study_protocol");
        assertFalse(protocol.get("follows_study").asBoolean());
        assertEquals(StudyProtocol.CHOICES.size(), protocol.get("choices").size());
    }

    /** The test that keeps the table from going stale: every key the two paper-scale configs differ on is in it. */
    @Test
    void everyKeyOnWhichTinystoriesDiffersFromArcheIsInTheTableOfWhatItChanges() {
        ExperimentConfig arche = ConfigLoader.loadShipped("arche-2026", List.of());
        ExperimentConfig tinystories = ConfigLoader.loadShipped("tinystories", List.of());
        TreeSet<String> differing = new TreeSet<>();
        for (String line : ExperimentConfig.diff(tinystories, arche)) {
            differing.add(line.substring(0, line.indexOf(':')));
        }
        differing.removeAll(List.of("name", "protocol")); // the names of the two sets, which decide nothing
        TreeSet<String> listed = new TreeSet<>();
        StudyProtocol.CHOICES.forEach(c -> listed.addAll(c.keys()));
        assertEquals(differing, listed, "the table lists exactly the keys on which the protocols differ");

        Path run = ReportFixture.copy(temp, "tinystories");
        ReportFixture.useShippedConfig(run, "tinystories");
        String markdown = read(ReportGenerator.write(run, ReportFixture.CLOCK).markdown());
        String table = markdown.substring(markdown.indexOf("## What the controlled protocol changes"));
        for (String key : differing) {
            assertTrue(table.contains(key + " = " + tinystories.value(key)), key + " in\n" + table);
        }
        assertFalse(table.contains("no: as the study"), "tinystories changes every choice of the study");
    }

    @Test
    void aRunWithTheStudysChoicesIsShownBesideThePublishedNumbersLikeForLike() {
        Path run = studyRun("study");
        ReportFiles files = ReportGenerator.write(run, ReportFixture.CLOCK);
        String markdown = read(files.markdown());
        assertFalse(markdown.contains("## What the controlled protocol changes"));
        String paper = section(markdown, "**This run beside the published study");
        assertFalse(paper.contains("NOT at the study's scale"), paper);
        assertTrue(paper.contains("| Parameters | 812,345 | 123,551,232 | 812,473 | 162,739,968 |"), paper);
        // the study's number, at the study's steps; where this run did not evaluate, n/a
        assertTrue(paper.contains("| Validation CE at step 2,000 | 2.7000 | 2.6600 | 4.0000 | 3.9519 |"), paper);
        assertTrue(paper.contains("| Validation CE at step 12,000 | 1.8500 | 1.6331 | 3.5000 | 3.5267 |"), paper);
        assertTrue(paper.contains("| Validation CE at step 20,000 | n/a | 1.6224 | n/a | 3.4119 |"), paper);
        // best and its step by the study's number (AR's NELBO is lowest at another step), as the study kept weights
        assertTrue(paper.contains("| Best validation CE | 1.7500 | 1.5893 | 3.5000 | 3.4119 |"), paper);
        assertTrue(paper.contains("| Step of best validation CE | 8,000 | 14,000 | 12,000 | 20,000 |"), paper);
        assertTrue(paper.contains("| Throughput the study's way: tokens / wall clock of the whole training loop "
                + "(tokens/s) | 9,858.0 | 50,619.7 | 9,163.3 | 48,342.6 |"), paper);
        assertTrue(paper.contains("| Wall time of the training loop (min) | " + Fmt.decimals(249.3 / 60, 2) + " | 107.89 | "
                + Fmt.decimals(268.2 / 60, 2) + " | 112.97 |"), paper);
        assertTrue(paper.contains("| Throughput, clean: training time only (tokens/s; the study did not measure it) | "
                + "10,680.0 | — | 9,870.5 | — |"), paper);
        assertTrue(paper.contains("| Self-BLEU (200 candidates × 50 sampled references, no smoothing) | 0.3300 | 0.3412 "
                + "| 0.3200 | 0.3343 |"), paper);
        assertTrue(paper.contains("| Distinct first words | 0.0150 | 0.0020 | 0.3600 | 0.3610 |"), paper);
        assertTrue(paper.contains("| Vocabulary size | 1,834 | 5,360 | 1,960 | 5,754 |"), paper);
        for (String nelbo : List.of("4.1000", "5.2000", "2.5512", "4.1734")) {
            assertFalse(paper.contains(nelbo), "no validation loss (NLL or NELBO) in the paper's rows: " + nelbo);
        }
        // the NELBO has a table of its own, labelled as a bound and as no number of the study's
        String likelihoods = section(markdown, "**This run's likelihoods, which the study did not report");
        assertTrue(likelihoods.contains("| Quantity | AR (exact NLL) | MDLM (NELBO, a bound) |"), likelihoods);
        assertTrue(likelihoods.contains("| Validation loss at step 2,000 | 4.1000 | 5.2000 |"), likelihoods);
        assertTrue(likelihoods.contains("| Best validation perplexity | 12.82 | ≤ 64.94 |"), likelihoods);
        assertFalse(likelihoods.contains("paper"), likelihoods);

        JsonNode json = ReportFixture.readJson(files.json());
        JsonNode rows = json.get("paper_comparison");
        assertEquals(1 + 10 + 2 + 3 + 9, rows.size()); // size, the curve, best, throughput and time, diversity
        assertEquals("val_ce_2000", rows.get(1).get("key").asText());
        assertEquals(2.66, rows.get(1).get("ar_paper").doubleValue(), 0.0);
        assertTrue(json.at("/study_protocol/follows_study").asBoolean());
        assertTrue(read(files.html()).contains("id=\"paper\""));
    }

    @Test
    void aSmallRunWithTheStudysChoicesSaysItIsNotAtTheStudysScale() {
        Path run = studyRun("small", "model.n_layer=4", "model.d_model=128", "model.n_head=4", "model.d_ff=352",
                "model.seq_len=128", "train.steps=600", "sample.n=200");
        String paper = section(read(ReportGenerator.write(run, ReportFixture.CLOCK).markdown()),
                "**This run beside the published study");
        assertTrue(paper.contains("NOT at the study's scale, so the numbers are not expected to match: "
                + "model.n_layer = 4 (the study: 12); model.d_model = 128 (the study: 768)"), paper);
        assertTrue(paper.contains("sample.n = 200 (the study: 1000)"), paper);
    }

    @Test
    void theProtocolsNameDecidesNothing() {
        Path renamed = studyRun("renamed", "protocol=controlled");
        assertTrue(read(ReportGenerator.write(renamed, ReportFixture.CLOCK).markdown())
                .contains("## Beside the published study"), "arche-2026's values under another name");
        Path controlled = ReportFixture.copy(temp, "controlled");
        ReportFixture.useShippedConfig(controlled, "tinystories", "protocol=arche-2026");
        String markdown = read(ReportGenerator.write(controlled, ReportFixture.CLOCK).markdown());
        assertFalse(markdown.contains("## Beside the published study"), "tinystories' values under the study's name");
        assertTrue(markdown.contains("## What the controlled protocol changes"));
    }

    @Test
    void paperScaleNeedsEveryDimension() {
        assertTrue(PaperComparison.isPaperScale(ConfigLoader.loadShipped("tinystories", List.of())));
        Map<String, String> offByOne = Map.of("layers", "model.n_layer=6", "width", "model.d_model=384",
                "seq_len", "model.seq_len=256", "steps", "train.steps=10000", "batch", "train.batch_size=16",
                "samples", "sample.n=500", "tokens", "data.token_budget=10000000");
        offByOne.forEach((what, change) -> assertFalse(PaperComparison.isPaperScale(
                ConfigLoader.loadShipped("tinystories", List.of(change))), what));
    }

    /**
     * The fixture under arche-2026's config: evaluations moved to steps 2,000 … 12,000 with the study's number, and
     * the sampled Self-BLEU the study reported.
     */
    private Path studyRun(String name, String... overrides) {
        Path run = ReportFixture.copy(temp, name);
        ReportFixture.useShippedConfig(run, "arche-2026", overrides);
        for (var paradigm : Map.of("ar", AR_CE, "mdlm", MDLM_CE).entrySet()) {
            int[] next = {0};
            ReportFixture.editJsonl(run.resolve(paradigm.getKey() + "/metrics.jsonl"), "eval", eval -> {
                eval.put("step", 2000 * (next[0] + 1));
                eval.put("val_ce", paradigm.getValue()[next[0]++]);
            });
            double selfBleu = paradigm.getKey().equals("ar") ? 0.33 : 0.32;
            ReportFixture.editJson(run.resolve(paradigm.getKey() + "/metrics.json"), m -> ((com.fasterxml.jackson.databind
                    .node.ObjectNode) m.get("metrics")).putObject("self_bleu_sampled").put("value", selfBleu)
                    .put("ci_low", selfBleu - 0.01).put("ci_high", selfBleu + 0.01));
        }
        return run;
    }

    /** The Markdown table that starts with {@code start}, up to the next blank line after its rows. */
    private static String section(String markdown, String start) {
        int from = markdown.indexOf(start);
        assertTrue(from >= 0, start + " in\n" + markdown);
        int end = markdown.indexOf("\n\n", markdown.indexOf("|", from));
        return markdown.substring(from, end < 0 ? markdown.length() : end);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
