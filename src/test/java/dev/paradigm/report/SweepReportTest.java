package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {
    @TempDir
    Path temp;

    /** Three seeds whose AR best loss, AR throughput and MDLM Distinct-1 are set by hand. */
    private List<Path> threeSeeds() {
        double[] bestLoss = {2.0, 2.2, 2.4};
        double[] tokensPerS = {10_000, 11_000, 12_000};
        double[] distinct1 = {0.05, 0.06, 0.10};
        List<Path> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path run = ReportFixture.copy(temp, "seed-" + (i + 1));
            ReportFixture.editConfig(run, Map.of("seed:", "seed: " + (i + 1)));
            double loss = bestLoss[i];
            double speed = tokensPerS[i];
            ReportFixture.editJsonl(run.resolve("ar/metrics.jsonl"), "summary", node -> {
                ((ObjectNode) node.get("analysis")).put("best_val_loss", loss);
                node.put("tokens_per_s", speed);
            });
            double d1 = distinct1[i];
            ReportFixture.editJson(run.resolve("mdlm/metrics.json"),
                    node -> ((ObjectNode) node.at("/metrics/distinct_1")).put("value", d1));
            runs.add(run);
        }
        return runs;
    }

    @Test
    void meanAndSampleStdAreWorkedOutByHand() {
        SweepReport sweep = SweepReport.of(threeSeeds().stream().map(ReportFixture::load).toList());
        assertEquals(List.of(1L, 2L, 3L), sweep.seeds());
        // 2.0, 2.2, 2.4: mean 2.2; deviations ±0.2 and 0: std = sqrt((0.04 + 0 + 0.04) / 2) = 0.2
        SweepStatistic loss = sweep.statistic("ar.best_val_loss");
        assertEquals(2.2, loss.mean(), 1e-12);
        assertEquals(0.2, loss.std(), 1e-12);
        assertEquals(List.of(2.0, 2.2, 2.4), loss.values());
        // 10,000, 11,000, 12,000: mean 11,000, std sqrt((1e6 + 0 + 1e6) / 2) = 1,000
        assertEquals(11_000, sweep.statistic("ar.tokens_per_s").mean(), 1e-9);
        assertEquals(1_000, sweep.statistic("ar.tokens_per_s").std(), 1e-9);
        // 0.05, 0.06, 0.10: mean 0.07; deviations −0.02, −0.01, 0.03: std = sqrt(0.0014 / 2) = sqrt(0.0007)
        assertEquals(0.07, sweep.statistic("mdlm.distinct_1").mean(), 1e-12);
        assertEquals(0.026457513110645906, sweep.statistic("mdlm.distinct_1").std(), 1e-12);
        // unchanged across seeds: std 0
        assertEquals(0.0, sweep.statistic("mdlm.best_val_loss").std(), 0.0);
    }

    @Test
    void writesTheSweepFilesWithMeanStdAndPerSeedValues() throws IOException {
        Path out = temp.resolve("sweep-out");
        ReportFiles files = ReportGenerator.writeSweep(threeSeeds(), out, ReportFixture.CLOCK);
        String markdown = Files.readString(files.markdown());
        assertTrue(markdown.contains("| Quantity | Mean ± std | seed 1 | seed 2 | seed 3 |"), markdown);
        assertTrue(markdown.contains("| AR best validation loss | 2.2000 ± 0.2000 | 2.0000 | 2.2000 | 2.4000 |"), markdown);
        assertTrue(markdown.contains("| MDLM Distinct-1 | 0.070 ± 0.026 | 0.050 | 0.060 | 0.100 |"), markdown);
        assertTrue(markdown.contains("✓ Every seed's comparison was controlled."));
        JsonNode json = ReportFixture.readJson(files.json());
        assertEquals(0.2, json.at("/statistics/ar.best_val_loss/std").doubleValue(), 1e-12);
        assertEquals(3, json.at("/runs").size());
        String html = Files.readString(files.html());
        assertTrue(html.contains("<th scope=\"row\">AR best validation loss</th><td class=\"num\">2.2000 ± 0.2000</td>"), html);
        // every seed's two validation curves in one chart, epochs along the top; the best epoch across seeds
        assertTrue(html.contains("<svg id=\"chart-sweep-val-loss\""), html);
        assertEquals(6, html.split("<polyline class=\"series\"", -1).length - 1, html);
        assertTrue(html.contains(">epoch</text>"), html);
        assertTrue(markdown.contains("| AR epoch of best validation loss | 1.754 ± 0.000 | 1.754 | 1.754 | 1.754 |"),
                markdown);
    }

    @Test
    void theSweepSaysWhatItsNumbersDoNotSay() {
        List<Path> runs = threeSeeds();
        assertTrue(SweepReportWriter.caveats(SweepReport.of(runs.stream().map(ReportFixture::load).toList())).isEmpty(),
                "the fixture's samples are comparably fluent under an independent judge");
        for (String paradigm : List.of("ar", "mdlm")) { // seed 2: MDLM not fluent, judged by the run's own AR model
            ReportFixture.editJson(runs.get(1).resolve(paradigm + "/metrics.json"), node -> {
                ObjectNode fluency = (ObjectNode) node.get("fluency");
                fluency.put("judge_independent", false);
                if (paradigm.equals("mdlm")) {
                    ((ObjectNode) fluency.get("grammar_errors_per_100_words")).put("value", 6.0).put("ci_low", 5.0)
                            .put("ci_high", 7.0);
                }
            });
        }
        SweepReport sweep = SweepReport.of(runs.stream().map(ReportFixture::load).toList());
        assertEquals(List.of("In 1 of 3 seeds the two paradigms' samples were not comparably fluent (each seed's report "
                + "says why), so their diversity rows do not say which paradigm is more diverse: noise scores as diverse.",
                "Generative perplexity here is each run's own AR model (its best checkpoint) scoring the samples, which "
                + "favours AR's own: shown, never used by a verdict."), SweepReportWriter.caveats(sweep));
        assertTrue(SweepReportWriter.markdown(sweep).contains("In 1 of 3 seeds"));
        assertTrue(SweepReportWriter.html(sweep).contains("<p class=\"caveat\">In 1 of 3 seeds"));
    }

    @Test
    void oneSeedHasNoStd() {
        SweepReport sweep = SweepReport.of(List.of(ReportFixture.load(ReportFixture.source())));
        assertNull(sweep.statistic("ar.best_val_loss").std());
        assertEquals(2.5512, sweep.statistic("ar.best_val_loss").mean(), 0.0);
        assertTrue(SweepReportWriter.markdown(sweep).contains("| AR best validation loss | 2.5512 ± n/a | 2.5512 |"));
    }

    @Test
    void anEmptySweepIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepReport.of(List.of()));
        assertTrue(e.getMessage().contains("at least one run folder"));
    }
}
