package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperComparisonTest {
    @TempDir
    Path temp;

    @Test
    void aDemoScaleRunHasNoPaperTable() {
        Path run = ReportFixture.copy(temp, "run");
        ReportFiles files = ReportGenerator.write(run, ReportFixture.CLOCK);
        assertFalse(read(files.markdown()).contains("## Beside the published study"));
        assertFalse(read(files.html()).contains("id=\"paper\""));
        assertTrue(ReportFixture.readJson(files.json()).get("paper_comparison").isNull());
    }

    @Test
    void aPaperScaleRunIsShownBesideThePublishedNumbers() {
        Path run = ReportFixture.copy(temp, "run");
        ReportFixture.makePaperScale(run);
        ReportFiles files = ReportGenerator.write(run, ReportFixture.CLOCK);
        String markdown = read(files.markdown());
        assertTrue(markdown.contains("## Beside the published study"));
        assertTrue(markdown.contains("| Parameters | 812,345 | 123,551,232 | 812,473 | 162,739,968 |"), markdown);
        assertTrue(markdown.contains("| Training time (min) | 3.84 | 107.89 | 4.15 | 112.97 |"), markdown); // 230.1 s, 249.0 s
        assertTrue(markdown.contains("| Throughput (tokens/s) | 10,680.0 | 50,619.7 | 9,870.5 | 48,342.6 |"));
        assertTrue(markdown.contains("| Best validation loss | 2.5512 | 1.5893 | 4.1734 | 3.4119 |"));
        assertTrue(markdown.contains("| Step of best validation loss | 500 | 14,000 | 600 | 20,000 |"));
        // The fixture never evaluated at step 2,000, so this run has no value there.
        assertTrue(markdown.contains("| Validation loss at step 2,000 | n/a | 2.660 | n/a | 3.952 |"));
        assertTrue(markdown.contains("| Validation loss at step 20,000 | n/a | 1.622 | n/a | 3.412 |"));
        assertTrue(markdown.contains("| Distinct first words | 0.015 | 0.002 | 0.360 | 0.361 |"));
        assertTrue(markdown.contains("| Vocabulary size | 1,834 | 5,360 | 1,960 | 5,754 |"));
        assertTrue(markdown.contains("| Mean words per sample | 101.2 | 101.2 | 99.2 | 99.2 |"));
        assertTrue(markdown.contains("| Self-BLEU (this run: all pairs; paper: sampled pairs) | 0.341 | 0.341 | 0.334 | 0.334 |"));
        assertTrue(read(files.html()).contains("id=\"paper\""));

        JsonNode rows = ReportFixture.readJson(files.json()).get("paper_comparison");
        assertEquals(5 + 10 + 9, rows.size()); // budget rows, validation every 2,000 steps, diversity
        assertEquals("params", rows.get(0).get("key").asText());
        assertEquals(123_551_232, rows.get(0).get("ar_paper").longValue());
        assertEquals(812_345, rows.get(0).get("ar_run").longValue());
    }

    @Test
    void paperScaleNeedsEveryDimension() {
        String paper = "model.n_layer=12,model.d_model=768,model.n_head=12,model.seq_len=512,train.steps=20000,"
                + "train.batch_size=32,sample.length=512";
        assertTrue(PaperComparison.isPaperScale(config(paper)));
        Map<String, String> offByOne = Map.of("layers", "model.n_layer=6", "width", "model.d_model=384",
                "seq_len", "model.seq_len=256,sample.length=256", "steps", "train.steps=10000", "batch", "train.batch_size=16");
        offByOne.forEach((what, change) -> assertFalse(PaperComparison.isPaperScale(config(paper + "," + change)), what));
    }

    private static ExperimentConfig config(String overrides) {
        return ConfigLoader.loadShipped("demo", List.of(overrides.split(",")));
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
