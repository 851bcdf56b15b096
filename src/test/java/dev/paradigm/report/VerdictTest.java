package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.run.MetricsLine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdict is true of the numbers beside it. The fixture is a small compare run whose samples are comparably
 * fluent (grammar errors 0.62 and 1.14 per 100 words, at most 3.0; judge perplexity 8.91 and 11.2 under an independent
 * judge, a ratio of 1.26, at most 1.5); the tests change it into runs where they are not.
 */
class VerdictTest {
    @TempDir
    Path temp;

    private static Map<String, String> byTopic(RunReport report) {
        return Verdict.findings(report).stream().collect(Collectors.toMap(Verdict.Finding::topic, Verdict.Finding::text,
                (a, b) -> a + " | " + b, java.util.LinkedHashMap::new));
    }

    @Test
    void fixtureVerdictStatesWhatTheNumbersSay() {
        Map<String, String> verdict = byTopic(ReportFixture.load(ReportFixture.source()));
        assertEquals(List.of("Convergence", "Likelihood", "Overfitting", "Fluency", "Diversity",
                "Diversity at matched quality", "Memorization"), List.copyOf(verdict.keySet()));
        // From step 0: AR 6.93 → best 2.5512, 95% of the drop reached at 2.7701, first by 2.62 at step 400. MDLM
        // 6.6 → 4.1734, target 4.2947, first met by 4.22 at step 500; MDLM was still improving, AR had overfit.
        assertTrue(verdict.get("Convergence").startsWith("AR plateaued at step 400; MDLM was still improving at its last "
                + "evaluation (step 600)"), verdict.get("Convergence"));
        assertFalse(verdict.get("Convergence").contains("faster:"), verdict.get("Convergence"));
        assertTrue(verdict.get("Likelihood").contains("AR 2.5512 nats/token at step 500 (perplexity 12.82, exact)"));
        // exp(4.1734) = 64.94
        assertTrue(verdict.get("Likelihood").contains("MDLM 4.1734 nats/token at step 600 (perplexity ≤ 64.94, an upper "
                + "bound)"));
        // the fixture's 600 steps of 32 chunks went 2.1 times over its 9,120 training chunks: epochs are named too
        assertTrue(verdict.get("Overfitting").contains("AR overfit: validation loss rose after its best at step 500 (epoch "
                + "1.75), detected at step 600 (epoch 2.11)"), verdict.get("Overfitting"));
        assertTrue(verdict.get("Overfitting").contains("MDLM did not overfit and was still improving"));
        assertTrue(verdict.get("Fluency").startsWith("Both paradigms' samples are comparably fluent: grammar errors per 100 "
                + "words: AR 0.620 [0.450, 0.810], MDLM 1.140 [0.900, 1.400] (fluent: at most 3.0); generative perplexity "
                + "under hf:gpt2-large: AR 8.910 [8.600, 9.250], MDLM 11.2 [10.5, 11.9], a ratio of 1.26 (comparable: at "
                + "most 1.50)"), verdict.get("Fluency"));
        // Distinct-1: AR [0.0490, 0.0534] and MDLM [0.0575, 0.0627] do not overlap; Distinct-2 [0.260, 0.282] and
        // [0.268, 0.290] do.
        String diversity = verdict.get("Diversity");
        String outside = diversity.substring(diversity.indexOf("outside each other's"), diversity.indexOf("; within"));
        String within = diversity.substring(diversity.indexOf("; within"));
        assertTrue(outside.contains("Distinct-1 (MDLM higher: AR 0.051 [0.049, 0.053], MDLM 0.060 ["), outside);
        assertTrue(outside.contains("Top first-word share (AR higher"), outside);
        assertFalse(outside.contains("Distinct-2"), outside);
        assertFalse(diversity.contains("Grammar errors"), "fluency is not diversity: " + diversity);
        assertTrue(within.contains("Distinct-2"), within);
        assertTrue(within.contains("Self-BLEU"), within);
        // The fixture's MDLM frontier lies above AR's on both measures over the shared perplexities 7.0 to 12.0.
        assertTrue(verdict.get("Diversity at matched quality").startsWith("At matched judge perplexity (7.0 to 12.0), "
                + "MDLM's samples are more diverse than AR's on both measures"), verdict.get("Diversity at matched quality"));
        assertTrue(verdict.get("Diversity at matched quality").endsWith("MDLM dominates."));
        // 16-grams: AR 0.42 [0.38, 0.46] and MDLM 0.09 [0.07, 0.11] against held-out text's 0.18 [0.15, 0.21].
        String copying = verdict.get("Memorization");
        assertTrue(copying.startsWith("Share of 16-token sequences found verbatim in the training tokens: AR 0.420 "
                + "[0.380, 0.460] against 0.180 [0.150, 0.210]"), copying);
        assertTrue(copying.contains("AR's samples copy more than unseen text shares"), copying);
        assertTrue(copying.contains("MDLM's samples copy less than unseen text shares"), copying);
    }

    /** The demo's situation: MDLM's samples are not text yet. No diversity winner may be named, anywhere. */
    @Test
    void whenMdlmIsNotFluentTheVerdictNamesNoDiversityWinner() {
        Path run = ReportFixture.copy(temp, "run");
        ReportFixture.editJson(run.resolve("mdlm/metrics.json"), m -> {
            ObjectNode fluency = (ObjectNode) m.get("fluency");
            fluency.set("grammar_errors_per_100_words", estimate(10.2, 9.1, 11.3));
            fluency.set("gen_ppl", estimate(20900, 19000, 23000));
            for (JsonNode point : m.get("frontier")) { // every setting is noise to the judge
                ((ObjectNode) point).set("judge_ppl", estimate(20000 + point.get("point").asInt(), 18000, 22000));
            }
        });
        RunReport report = ReportFixture.load(run);
        Map<String, String> verdict = byTopic(report);
        assertEquals("MDLM's samples are not yet fluent: grammar errors per 100 words: AR 0.620 [0.450, 0.810], MDLM 10.2 "
                + "[9.1, 11.3] (fluent: at most 3.0); generative perplexity under hf:gpt2-large: AR 8.910 [8.600, 9.250], "
                + "MDLM 20,900 [19,000, 23,000], a ratio of 2,345.68 (comparable: at most 1.50); diversity differences are "
                + "not meaningful here.", verdict.get("Fluency"));
        assertFalse(verdict.containsKey("Diversity"), verdict.toString());
        assertTrue(verdict.get("Diversity at matched quality").startsWith("At no setting do the two paradigms reach the "
                + "same judge perplexity (AR 6.0 to 12.0, MDLM 20,000.0 to 20,007.0)"), verdict.get("Diversity at matched quality"));
        for (String text : verdict.values()) {
            assertFalse(text.contains(" higher") || text.contains("more diverse than") || text.endsWith("dominates."), text);
        }
        JsonNode json = ReportFixture.readJson(ReportGenerator.write(run, ReportFixture.CLOCK).json());
        assertFalse(json.at("/samples/fluency_comparable").booleanValue());
        assertTrue(json.at("/samples/fluency_reason").asText().startsWith("MDLM's samples are not yet fluent: grammar"));
        assertTrue(json.at("/quality_diversity/dominant").isNull());
        assertTrue(json.at("/quality_diversity/matched_judge_ppl").isNull());
        for (JsonNode finding : json.get("verdict")) {
            assertFalse(finding.get("text").asText().contains(" higher"), finding.toString());
        }
    }

    @Test
    void bothFluentRunsNameTheDiversityDifferencesInEveryFormat() throws Exception {
        Path run = ReportFixture.copy(temp, "run");
        ReportFiles files = ReportGenerator.write(run, ReportFixture.CLOCK);
        JsonNode json = ReportFixture.readJson(files.json());
        assertTrue(json.at("/samples/fluency_comparable").booleanValue());
        assertTrue(json.at("/samples/fluency_reason").asText().startsWith("Both paradigms' samples are comparably fluent"));
        assertEquals("MDLM", json.at("/quality_diversity/dominant").asText());
        ArrayNode verdict = (ArrayNode) json.get("verdict");
        assertEquals("Diversity", verdict.get(4).get("topic").asText());
        String markdown = java.nio.file.Files.readString(files.markdown());
        assertTrue(markdown.contains("- **Diversity.** Sample diversity of comparably fluent samples: differences outside"),
                markdown);
        String html = java.nio.file.Files.readString(files.html());
        assertTrue(html.contains("<li><strong>Fluency.</strong> Both paradigms&#39; samples are comparably fluent"));
    }

    @Test
    void aJudgePerplexityRatioAboveTheLimitIsNotComparableEvenWithCleanGrammar() {
        Path run = ReportFixture.copy(temp, "run");
        ReportFixture.editJson(run.resolve("mdlm/metrics.json"), m -> ((ObjectNode) m.get("fluency"))
                .set("gen_ppl", estimate(14.0, 13.2, 14.8))); // 14.0 / 8.91 = 1.57 > 1.5
        Map<String, String> verdict = byTopic(ReportFixture.load(run));
        assertTrue(verdict.get("Fluency").startsWith("MDLM's samples are not yet as fluent as AR's: generative perplexity "
                + "under hf:gpt2-large: AR 8.910 [8.600, 9.250], MDLM 14.0 [13.2, 14.8], a ratio of 1.57"),
                verdict.get("Fluency"));
        assertFalse(verdict.containsKey("Diversity"));
    }

    @Test
    void aSelfJudgedPerplexityIsNeverUsedAndWithoutGrammarFluencyIsUndecided() {
        Path run = ReportFixture.copy(temp, "run");
        for (String paradigm : List.of("ar", "mdlm")) {
            ReportFixture.editJson(run.resolve(paradigm + "/metrics.json"), m -> {
                ObjectNode fluency = (ObjectNode) m.get("fluency");
                fluency.put("judge", "this run's own AR model (best checkpoint)").put("judge_independent", false);
                fluency.putNull("self_judged_ppl");
                // under its own AR model MDLM's text looks 40 times worse: a ratio the verdict must not use
                fluency.set("gen_ppl", paradigm.equals("ar") ? estimate(1.76, 1.7, 1.8) : estimate(70, 65, 75));
            });
        }
        Map<String, String> verdict = byTopic(ReportFixture.load(run));
        assertTrue(verdict.get("Fluency").startsWith("Both paradigms' samples are comparably fluent: grammar errors"),
                verdict.get("Fluency"));
        assertTrue(verdict.get("Fluency").endsWith("the perplexity judge is this run's own AR model, so its numbers are "
                + "not used."), verdict.get("Fluency"));
        assertTrue(verdict.get("Diversity at matched quality").startsWith("The quality–diversity frontier is judged by "
                + "this run's own AR model (best checkpoint), which favours AR's own samples, so it names no paradigm"));

        for (String paradigm : List.of("ar", "mdlm")) {
            ReportFixture.editJson(run.resolve(paradigm + "/metrics.json"), m -> ((ObjectNode) m.get("fluency"))
                    .putNull("grammar_errors_per_100_words"));
        }
        verdict = byTopic(ReportFixture.load(run));
        assertTrue(verdict.get("Fluency").startsWith("Fluency was not measured independently"), verdict.get("Fluency"));
        assertFalse(verdict.containsKey("Diversity"));
    }

    @Test
    void convergenceIsTheFirstEvaluationWithNinetyFivePercentOfTheDropFromStepZero() {
        // step 0: 5.0, best 1.4: drop 3.6, target 5.0 − 0.95 × 3.6 = 1.58, first met by 1.5 at step 30.
        List<MetricsLine.Eval> evals = List.of(eval(0, 5.0), eval(10, 3.0), eval(20, 2.0), eval(30, 1.5), eval(40, 1.4));
        assertEquals(OptionalLong.of(30), Convergence.step(evals));
        assertEquals(OptionalLong.empty(), Convergence.step(List.of(eval(0, 2.0), eval(10, 2.5))));
    }

    @Test
    void convergedFasterIsSaidOnlyWhenBothCurvesLevelledOff() {
        Path run = ReportFixture.copy(temp, "run");
        setStillImproving(run, "mdlm", false);
        assertTrue(byTopic(ReportFixture.load(run)).get("Convergence").startsWith("AR converged faster: at step 400 against "
                + "MDLM's 500, and both had levelled off by their last evaluations (converged = the first evaluation with "
                + "95% of the drop from step 0 to the curve's best)."));
        setStillImproving(run, "ar", true);
        setStillImproving(run, "mdlm", true);
        assertTrue(byTopic(ReportFixture.load(run)).get("Convergence").startsWith("Neither curve had levelled off: AR and "
                + "MDLM were both still improving at their last evaluations (step 600)"));
        // a run from before step-0 evaluations: measured from the first evaluation, and it says so
        Path old = ReportFixture.copy(temp, "old");
        for (String paradigm : List.of("ar", "mdlm")) {
            dropStepZero(old.resolve(paradigm + "/metrics.jsonl"));
        }
        setStillImproving(old, "mdlm", false);
        assertTrue(byTopic(ReportFixture.load(old)).get("Convergence").contains("from the first evaluation (this run has "
                + "none at step 0)"), byTopic(ReportFixture.load(old)).get("Convergence"));
    }

    @Test
    void overlappingIntervalsAreNotAClearDifference() {
        assertTrue(new Estimate(1, 0.5, 1.5).overlaps(new Estimate(2, 1.5, 2.5))); // touching counts as overlap
        assertFalse(new Estimate(1, 0.5, 1.4).overlaps(new Estimate(2, 1.5, 2.5)));
    }

    @Test
    void theMethodsSayHowEachIntervalWasComputed() {
        List<String> methods = Methods.of(ReportFixture.load(ReportFixture.source()));
        assertTrue(methods.get(0).contains("1,000 resamples"), methods.get(0));
        assertTrue(methods.stream().anyMatch(m -> m.startsWith("Self-BLEU (all pairs): each resample recomputes the "
                + "all-pairs Self-BLEU") && m.contains("not each other's references")));
        assertTrue(methods.stream().anyMatch(m -> m.startsWith("Pooled statistics") && m.contains("by the same rule")));
    }

    private static void setStillImproving(Path run, String paradigm, boolean improving) {
        ReportFixture.editJsonl(run.resolve(paradigm + "/metrics.jsonl"), "summary",
                s -> ((ObjectNode) s.get("analysis")).put("still_improving", improving));
    }

    private static void dropStepZero(Path metricsLog) {
        try {
            List<String> kept = java.nio.file.Files.readAllLines(metricsLog).stream()
                    .filter(line -> !line.contains("\"step\": 0,")).toList();
            java.nio.file.Files.write(metricsLog, kept);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode estimate(double value, double low, double high) {
        return ReportFixture.JSON.createObjectNode().put("value", value).put("ci_low", low).put("ci_high", high);
    }

    private static MetricsLine.Eval eval(int step, double loss) {
        return new MetricsLine.Eval(step, step / 100.0, loss, Math.exp(loss), null, loss, 0);
    }

    @Test
    void noFrontierNoFrontierFinding() {
        Path run = ReportFixture.copy(temp, "run");
        for (String paradigm : List.of("ar", "mdlm")) {
            ReportFixture.editJson(run.resolve(paradigm + "/metrics.json"), m -> {
                m.putArray("frontier");
                m.putNull("frontier_sha256");
            });
        }
        RunReport report = ReportFixture.load(run);
        assertNull(QualityDiversity.of(report));
        assertFalse(byTopic(report).containsKey("Diversity at matched quality"));
    }
}
