package dev.paradigm.report;

import dev.paradigm.data.DataManifest;
import dev.paradigm.run.MetricsLine;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.train.CurveAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;

/** The report's tables, in plain text, shared by the Markdown and HTML writers. */
final class ReportTables {
    private ReportTables() {}

    /** "Was the comparison controlled?": data, model size, compute, seeds, tokenizer and sampling. */
    static Table control(RunReport report) {
        ControlCheck check = ControlCheck.of(report);
        MetricsLine.Summary ar = report.ar().summary();
        MetricsLine.Summary mdlm = report.mdlm().summary();
        SampleEvaluation arEval = report.ar().evaluation();
        SampleEvaluation mdlmEval = report.mdlm().evaluation();
        DataManifest.TokenizerInfo tokenizerInfo = report.data().tokenizer();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Data digest (batch stream)", ar.dataDigest(), mdlm.dataDigest(),
                Table.check(check.sameData(), check.sameData() ? "EQUAL: identical batches in identical order"
                        : "DIFFERENT: the paradigms did not see the same data")));
        rows.add(List.of("Parameters", Fmt.count(ar.params()), Fmt.count(mdlm.params()),
                "MDLM − AR = " + signed(check.paramDifference()) + " (" + percent(check.paramDifference(), ar.params())
                        + ")"));
        rows.add(List.of("FLOPs per token", Fmt.scientific(ar.flopsPerToken()), Fmt.scientific(mdlm.flopsPerToken()),
                "MDLM / AR = " + Fmt.decimals(mdlm.flopsPerToken() / ar.flopsPerToken(), 3)));
        rows.add(List.of("Steps × batch × seq_len", budget(ar), budget(mdlm),
                Table.check(check.sameBudget(), check.sameBudget() ? "same budget" : "budgets differ")));
        rows.add(List.of("Tokens trained", Fmt.count(ar.tokens()), Fmt.count(mdlm.tokens()),
                Table.check(check.budgetsMatchConfig(), check.budgetsMatchConfig()
                        ? "equals steps × batch × seq_len" : "does not equal steps × batch × seq_len")));
        rows.add(List.of("Run seed (init, data order)", Long.toString(report.seed()), Long.toString(report.seed()),
                "one config for both"));
        rows.add(List.of("Sampling seed", Long.toString(arEval.seed()), Long.toString(mdlmEval.seed()),
                arEval.seed() == mdlmEval.seed() ? "same" : "different"));
        String protocol = report.config().resolved().protocol().toString();
        rows.add(List.of("Protocol", protocol, protocol, "one config for both"));
        String tokenizer = tokenizerInfo.kind() + ", " + Fmt.count(tokenizerInfo.vocabSize()) + " tokens";
        rows.add(List.of("Tokenizer", tokenizer, tokenizer, "one data folder for both (sha256 "
                + shortHash(tokenizerInfo.sha256()) + ")"));
        rows.add(List.of("Samples", Fmt.count(arEval.nSamples()), Fmt.count(mdlmEval.nSamples()),
                arEval.nSamples() == mdlmEval.nSamples() ? "same" : "different"));
        rows.add(List.of("Sampling prompt", report.ar().promptDescription(), report.mdlm().promptDescription(),
                Table.check(check.samePrompt(), check.samePrompt() ? "same sampling conditions"
                        : "DIFFERENT prompts: the published study's confound")));
        if (!check.differingSamplerSettings().isEmpty()) {
            rows.add(List.of("Other sampler settings that differ", describe(arEval.sampler().asText(), check),
                    describe(mdlmEval.sampler().asText(), check), Table.FAIL + " check these"));
        }
        return new Table("What the two runs share, and what differs", List.of("Check", "AR", "MDLM", "Verdict"), rows);
    }

    /** Best step, overfitting, convergence, throughput and time of each paradigm. */
    static Table training(RunReport report) {
        ParadigmRun ar = report.ar();
        ParadigmRun mdlm = report.mdlm();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Best validation loss (nats/token)", r -> Fmt.loss(r.summary().analysis().bestValLoss()), ar, mdlm));
        rows.add(row("Best validation perplexity", r -> (r.likelihoodIsBound() ? "≤ " : "")
                + Fmt.decimals(Math.exp(r.summary().analysis().bestValLoss()), 2)
                + (r.likelihoodIsBound() ? " (upper bound)" : " (exact)"), ar, mdlm));
        rows.add(row("Step of best validation loss", r -> Fmt.count(r.summary().analysis().bestStep()), ar, mdlm));
        if (ar.repeatsData() || mdlm.repeatsData()) {
            rows.add(row("Epoch of best validation loss (passes over the training data)",
                    r -> Fmt.decimals(r.summary().analysis().bestEpoch(), 2), ar, mdlm));
        }
        rows.add(row("Converged at step (" + Math.round(Convergence.SHARE * 100) + "% of improvement)", r -> {
            OptionalLong step = Convergence.step(r.evals());
            return step.isPresent() ? Fmt.count(step.getAsLong()) : "never improved";
        }, ar, mdlm));
        rows.add(row("Overfitting", r -> {
            CurveAnalysis a = r.summary().analysis();
            return a.overfit() ? "yes" + (a.overfitStep() == null ? ""
                    : ", detected at " + r.atStep(a.overfitStep(), a.overfitEpoch())) : "no";
        }, ar, mdlm));
        rows.add(row("Still improving at the end", r -> r.summary().analysis().stillImproving() ? "yes" : "no", ar, mdlm));
        rows.add(row("Slope of the last evaluations (loss per 1,000 steps)",
                r -> Fmt.scientific(r.summary().analysis().lastEvalsSlope()), ar, mdlm));
        rows.add(row("Throughput (tokens/s)", r -> Fmt.decimals(r.summary().tokensPerS(), 1), ar, mdlm));
        rows.add(List.of("Throughput ratio AR / MDLM",
                Fmt.decimals(ar.summary().tokensPerS() / mdlm.summary().tokensPerS(), 3), ""));
        rows.add(row("Training time", r -> Fmt.duration(r.summary().trainTimeS()), ar, mdlm));
        rows.add(row("Evaluation time", r -> Fmt.duration(r.summary().evalTimeS()), ar, mdlm));
        rows.add(row("Checkpoint time", r -> Fmt.duration(r.summary().checkpointTimeS()), ar, mdlm));
        rows.add(row("Wall time", r -> Fmt.duration(r.summary().wallS()), ar, mdlm));
        return new Table("Convergence, overfitting, throughput and time", List.of("Quantity", "AR", "MDLM"), rows);
    }

    /** Validation loss at every evaluation step of either paradigm. */
    static Table validationCurve(RunReport report) {
        TreeSet<Integer> steps = new TreeSet<>();
        report.ar().evals().forEach(e -> steps.add(e.step()));
        report.mdlm().evals().forEach(e -> steps.add(e.step()));
        List<List<String>> rows = new ArrayList<>();
        for (int step : steps) {
            rows.add(List.of(Fmt.count(step), valLossAt(report.ar(), step), valLossAt(report.mdlm(), step)));
        }
        return new Table("Validation loss by step (nats/token; MDLM: NELBO upper bound)",
                List.of("Step", "AR", "MDLM"), rows);
    }

    /** Sample metrics side by side with 95% intervals, and whether the intervals separate them. */
    static Table sampleMetrics(RunReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (MetricComparison c : MetricComparison.all(report)) {
            rows.add(List.of(MetricCatalog.label(c.metric()), Fmt.estimate(c.ar()), Fmt.estimate(c.mdlm()),
                    c.outsideIntervals() ? "outside CIs (" + c.higher() + " higher)" : "within CIs"));
        }
        Map<String, String> arText = report.ar().textMetrics();
        Map<String, String> mdlmText = report.mdlm().textMetrics();
        for (String name : MetricCatalog.ordered(arText.keySet(), mdlmText.keySet())) {
            rows.add(List.of(MetricCatalog.label(name), arText.getOrDefault(name, "n/a"), mdlmText.getOrDefault(name, "n/a"),
                    ""));
        }
        SampleEvaluation ar = report.ar().evaluation();
        SampleEvaluation mdlm = report.mdlm().evaluation();
        MetricComparison gen = new MetricComparison("gen_ppl", ar.fluency().genPpl(), mdlm.fluency().genPpl());
        rows.add(List.of("Generative perplexity (judge: " + ar.fluency().judge() + ")", Fmt.estimate(gen.ar()),
                Fmt.estimate(gen.mdlm()), gen.outsideIntervals() ? "outside CIs (" + gen.higher() + " higher)" : "within CIs"));
        rows.add(List.of("Validation loss of the sampled model", Fmt.loss(ar.validation().valLoss()),
                Fmt.loss(mdlm.validation().valLoss()), "MDLM: NELBO"));
        rows.add(List.of("Validation perplexity", perplexity(ar.validation()), perplexity(mdlm.validation()),
                "MDLM: upper bound"));
        return new Table("Sample diversity and fluency (value [95% CI])", List.of("Metric", "AR", "MDLM", "Difference"),
                rows);
    }

    /** Every sampler setting of either paradigm, as metrics.json records it. */
    static Table samplerSettings(RunReport report) {
        Map<String, String> ar = report.ar().evaluation().sampler().asText();
        Map<String, String> mdlm = report.mdlm().evaluation().sampler().asText();
        TreeSet<String> keys = new TreeSet<>(ar.keySet());
        keys.addAll(mdlm.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(List.of(key, ar.getOrDefault(key, "—"), mdlm.getOrDefault(key, "—")));
        }
        return new Table("Sampler settings", List.of("Setting", "AR", "MDLM"), rows);
    }

    /** This run beside the published numbers; null when the run is not at paper scale. */
    static Table paper(RunReport report) {
        List<PaperComparison.Row> comparison = PaperComparison.rows(report);
        if (comparison.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (PaperComparison.Row r : comparison) {
            rows.add(List.of(r.quantity(), Fmt.decimals(r.arRun(), r.decimals()), Fmt.decimals(r.arPaper(), r.decimals()),
                    Fmt.decimals(r.mdlmRun(), r.decimals()), Fmt.decimals(r.mdlmPaper(), r.decimals())));
        }
        return new Table("This run beside the published study (" + Fmt.count(PublishedResults.SAMPLES)
                + " samples of " + PublishedResults.SAMPLE_TOKENS + " tokens in the paper)",
                List.of("Quantity", "AR (this run)", "AR (paper)", "MDLM (this run)", "MDLM (paper)"), rows);
    }

    private static List<String> row(String quantity, java.util.function.Function<ParadigmRun, String> value,
                                    ParadigmRun ar, ParadigmRun mdlm) {
        return List.of(quantity, value.apply(ar), value.apply(mdlm));
    }

    private static String budget(MetricsLine.Summary s) {
        return Fmt.count(s.steps()) + " × " + Fmt.count(s.batchSize()) + " × " + Fmt.count(s.seqLen());
    }

    private static String valLossAt(ParadigmRun run, long step) {
        return run.evals().stream().filter(e -> e.step() == step).findFirst()
                .map(e -> Fmt.loss(e.valLoss())).orElse("—");
    }

    private static String perplexity(SampleEvaluation.Validation v) {
        return (v.bound() ? "≤ " : "") + Fmt.decimals(v.valPpl(), 2);
    }

    private static String describe(Map<String, String> sampler, ControlCheck check) {
        List<String> parts = new ArrayList<>();
        for (String key : check.differingSamplerSettings()) {
            parts.add(key + " = " + sampler.getOrDefault(key, "—"));
        }
        return String.join("; ", parts);
    }

    private static String signed(long value) {
        return (value > 0 ? "+" : value < 0 ? "−" : "") + Fmt.count(Math.abs(value));
    }

    private static String percent(long difference, long base) {
        return (difference >= 0 ? "+" : "−") + Fmt.decimals(Math.abs(100.0 * difference / base), 2) + "%";
    }

    private static String shortHash(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) + "…" : sha256;
    }
}
