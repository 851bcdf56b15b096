package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.json must carry the run folder's numbers unchanged: each is compared with its source file. */
class JsonReportWriterTest {
    @TempDir
    Path temp;

    private JsonNode reportJson(Path run) {
        ReportGenerator.write(run, ReportFixture.CLOCK);
        return ReportFixture.readJson(run.resolve("report.json"));
    }

    @Test
    void sampleMetricsEqualMetricsJson() {
        Path run = ReportFixture.copy(temp, "run");
        JsonNode report = reportJson(run);
        for (String paradigm : List.of("ar", "mdlm")) {
            JsonNode source = ReportFixture.readJson(run.resolve(paradigm + "/metrics.json"));
            JsonNode written = report.path("samples").path(paradigm);
            int compared = 0;
            for (Map.Entry<String, JsonNode> metric : source.path("metrics").properties()) {
                JsonNode expected = metric.getValue();
                JsonNode actual = written.path("metrics").path(metric.getKey());
                if (expected.has("ci_low")) {
                    for (String field : List.of("value", "ci_low", "ci_high")) {
                        assertEquals(expected.get(field).doubleValue(), actual.get(field).doubleValue(),
                                paradigm + " " + metric.getKey() + " " + field);
                    }
                } else {
                    assertEquals(expected.asText(), actual.asText(), metric.getKey()); // a word: top_first_word
                }
                compared++;
            }
            assertEquals(13, compared, "the fixture has 13 metrics per paradigm");
            assertEquals(source.get("validation"), written.get("validation"));
            assertEquals(source.get("fluency"), written.get("fluency"));
            assertEquals(source.get("n_samples").intValue(), written.get("n_samples").intValue());
            assertEquals(source.get("seed").longValue(), written.get("seed").longValue());
        }
    }

    @Test
    void trainingNumbersEqualMetricsJsonl() {
        Path run = ReportFixture.copy(temp, "run");
        JsonNode report = reportJson(run);
        for (String paradigm : List.of("ar", "mdlm")) {
            Path log = run.resolve(paradigm + "/metrics.jsonl");
            JsonNode summary = ReportFixture.readJsonl(log, "summary").get(0);
            JsonNode written = report.path("training").path(paradigm);
            for (Map.Entry<String, JsonNode> field : summary.properties()) {
                assertEquals(field.getValue(), written.path("summary").get(field.getKey()),
                        paradigm + " summary field " + field.getKey());
            }
            List<JsonNode> evals = ReportFixture.readJsonl(log, "eval");
            assertEquals(evals.size(), written.path("evals").size());
            for (int i = 0; i < evals.size(); i++) {
                for (String field : List.of("step", "val_loss", "val_ppl", "train_loss", "eval_s")) {
                    // as text, so that the step-0 evaluation's NaN train_loss (a string in report.json) compares too
                    assertEquals(Double.parseDouble(evals.get(i).get(field).asText()),
                            Double.parseDouble(written.path("evals").get(i).get(field).asText()),
                            paradigm + " eval " + i + " " + field);
                }
            }
            List<JsonNode> train = ReportFixture.readJsonl(log, "train");
            assertEquals(train.size(), written.path("train").size());
            assertEquals(train.get(3).get("loss").doubleValue(), written.path("train").get(3).get("loss").doubleValue());
        }
    }

    @Test
    void derivedNumbersAreWorkedOutFromTheFixture() {
        JsonNode report = reportJson(ReportFixture.copy(temp, "run"));
        // AR evals 4.10 … best 2.5512: 95% of the 1.5488 improvement is reached at ≤ 2.62864, first at step 400.
        assertEquals(400, report.at("/training/ar/convergence_step").longValue());
        // MDLM evals 5.20 … best 4.1734: target 5.20 − 0.95 × 1.0266 = 4.22473, first met at step 500 (4.22).
        assertEquals(500, report.at("/training/mdlm/convergence_step").longValue());
        assertEquals(10_680.0 / 9_870.5, report.at("/training/throughput_ratio_ar_over_mdlm").doubleValue(), 1e-12);
        assertEquals(Math.exp(4.1734), report.at("/training/mdlm/best_val_ppl").doubleValue(), 1e-9);
        assertTrue(report.at("/training/mdlm/val_ppl_is_upper_bound").booleanValue());
        assertFalse(report.at("/training/ar/val_ppl_is_upper_bound").booleanValue());
        assertEquals(128, report.at("/control/param_difference_mdlm_minus_ar").longValue()); // 812,473 − 812,345
        assertTrue(report.at("/control/controlled").booleanValue());
        assertTrue(report.at("/paper_comparison").isNull());
        assertEquals("2026-01-27T12:00:00Z", report.at("/provenance/generated_at").asText());
        assertEquals(JsonReportWriter.FORMAT, report.at("/format").asText());
        assertEquals(3, report.at("/samples/ar/first_samples").size());
    }
}
