package dev.paradigm.report;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.DataManifest;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.run.FrontierLine;
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
        rows.add(row("Converged at step (" + Math.round(Convergence.SHARE * 100) + "% of the drop from step "
                + ar.evals().get(0).step() + ")", r -> {
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

    /**
     * Validation loss at every evaluation step of either paradigm, and beside it the published study's validation
     * number when the run measured it (train.val_ce_chunks).
     */
    static Table validationCurve(RunReport report) {
        TreeSet<Integer> steps = new TreeSet<>();
        report.ar().evals().forEach(e -> steps.add(e.step()));
        report.mdlm().evals().forEach(e -> steps.add(e.step()));
        boolean studyNumber = hasValCe(report.ar()) || hasValCe(report.mdlm());
        List<List<String>> rows = new ArrayList<>();
        for (int step : steps) {
            List<String> row = new ArrayList<>(List.of(Fmt.count(step), valLossAt(report.ar(), step),
                    valLossAt(report.mdlm(), step)));
            if (studyNumber) {
                row.add(valCeAt(report.ar(), step));
                row.add(valCeAt(report.mdlm(), step));
            }
            rows.add(row);
        }
        List<String> header = studyNumber ? List.of("Step", "AR", "MDLM (bound)", "AR: the study's CE",
                "MDLM: the study's masked CE (not a bound)") : List.of("Step", "AR", "MDLM");
        return new Table("Validation loss by step (nats/token; AR: exact NLL; MDLM: NELBO, an upper bound)", header,
                rows);
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
        boolean independent = ar.fluency().judgeIndependent() && mdlm.fluency().judgeIndependent();
        rows.add(List.of("Generative perplexity (judge: " + ar.fluency().judge() + (independent ? ""
                : "; self-judged, not used by the verdict") + ")", Fmt.estimate(gen.ar()), Fmt.estimate(gen.mdlm()),
                gen.outsideIntervals() ? "outside CIs (" + gen.higher() + " higher)" : "within CIs"));
        if (ar.fluency().selfJudgedPpl() != null && mdlm.fluency().selfJudgedPpl() != null) {
            rows.add(List.of("Generative perplexity under this run's own AR model (self-judged for AR: not used by the "
                    + "verdict)", Fmt.estimate(ar.fluency().selfJudgedPpl()), Fmt.estimate(mdlm.fluency().selfJudgedPpl()),
                    ""));
        }
        rows.add(List.of("Validation loss of the sampled model", Fmt.loss(ar.validation().valLoss()),
                Fmt.loss(mdlm.validation().valLoss()), "MDLM: NELBO"));
        rows.add(List.of("Validation perplexity", perplexity(ar.validation()), perplexity(mdlm.validation()),
                "MDLM: upper bound"));
        String caveat = FluencyGate.of(report).comparable() ? ""
                : "; the samples are not comparably fluent, so diversity differences are not meaningful";
        return new Table("Sample diversity and fluency (value [95% CI])" + caveat,
                List.of("Metric", "AR", "MDLM", "Difference"), rows);
    }

    /** Copied n-gram shares and spans of each paradigm's samples and of held-out text; null when not measured. */
    static Table memorization(RunReport report) {
        SampleEvaluation.Memorization ar = report.ar().evaluation().memorization();
        SampleEvaluation.Memorization mdlm = report.mdlm().evaluation().memorization();
        if (ar == null || mdlm == null) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Integer order : ar.samples().copiedShare().keySet()) {
            rows.add(List.of(order + "-token sequences found in the training tokens (share)",
                    Fmt.estimate(ar.samples().copiedShare().get(order)), share(mdlm.samples(), order),
                    ar.heldOut() == null ? "n/a" : share(ar.heldOut(), order),
                    mdlm.heldOut() == null ? "n/a" : share(mdlm.heldOut(), order)));
        }
        rows.add(List.of("Longest copied span, mean over sequences (tokens)", Fmt.estimate(ar.samples().meanLongestSpan()),
                Fmt.estimate(mdlm.samples().meanLongestSpan()), meanSpan(ar.heldOut()), meanSpan(mdlm.heldOut())));
        rows.add(List.of("Longest copied span, any sequence (tokens)", Fmt.count(ar.samples().maxSpan()),
                Fmt.count(mdlm.samples().maxSpan()), maxSpan(ar.heldOut()), maxSpan(mdlm.heldOut())));
        rows.add(List.of("Sequences measured", Fmt.count(ar.samples().sequences()), Fmt.count(mdlm.samples().sequences()),
                ar.heldOut() == null ? "0" : Fmt.count(ar.heldOut().sequences()),
                mdlm.heldOut() == null ? "0" : Fmt.count(mdlm.heldOut().sequences())));
        return new Table("Copied from the " + Fmt.count(ar.trainTokens()) + " training tokens (value [95% CI]); held-out "
                + "validation text of each paradigm's sample shape is the baseline of a model that does not memorize",
                List.of("Quantity", "AR samples", "MDLM samples", "Held-out text (AR's shape)", "Held-out text (MDLM's shape)"),
                rows);
    }

    private static String share(dev.paradigm.memorization.MemorizationResult result, int order) {
        Estimate e = result.copiedShare().get(order);
        return e == null ? "n/a" : Fmt.estimate(e);
    }

    private static String meanSpan(dev.paradigm.memorization.MemorizationResult result) {
        return result == null ? "n/a" : Fmt.estimate(result.meanLongestSpan());
    }

    private static String maxSpan(dev.paradigm.memorization.MemorizationResult result) {
        return result == null ? "n/a" : Fmt.count(result.maxSpan());
    }

    /** The frontier's settings of both paradigms with their quality and diversity; null without a frontier. */
    static Table frontier(RunReport report) {
        QualityDiversity qd = QualityDiversity.of(report);
        if (qd == null) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ParadigmRun run : List.of(report.ar(), report.mdlm())) {
            for (SampleEvaluation.FrontierPoint p : run.evaluation().frontier()) {
                String setting = p.knob() == FrontierLine.Knob.TEMPERATURE
                        ? "temperature " + Fmt.decimals(p.temperature(), 2)
                        : Fmt.count(p.mdlmSteps()) + " steps (temperature " + Fmt.decimals(p.temperature(), 2) + ")";
                rows.add(List.of(run.label() + ", " + setting, Fmt.count(p.samples()),
                        p.judgePpl() == null ? "n/a (no token)" : Fmt.estimate(p.judgePpl()), Fmt.estimate(p.selfBleu()),
                        Fmt.estimate(p.distinct4())));
            }
        }
        return new Table("Quality–diversity frontier: each setting's samples (judge: " + qd.judge()
                + (qd.independent() ? "" : "; self-judged, not used by the verdict") + ")",
                List.of("Paradigm, setting", "Samples", "Judge perplexity", "Self-BLEU", "Distinct-4"), rows);
    }

    /** Both curves at the matched perplexities; null when they share none (or there is no frontier). */
    static Table matchedQuality(RunReport report) {
        QualityDiversity qd = QualityDiversity.of(report);
        if (qd == null || !qd.overlaps()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (QualityDiversity.Comparison c : qd.comparisons()) {
            for (QualityDiversity.Level l : c.levels()) {
                rows.add(List.of(c.measure().label, Fmt.decimals(l.judgePpl(), 1), Fmt.estimate(l.ar()),
                        Fmt.estimate(l.mdlm()), l.moreDiverse() == null ? "intervals overlap" : l.moreDiverse()
                                + " more diverse"));
            }
        }
        return new Table("Diversity at matched judge perplexity, along each paradigm's frontier (interpolated in log "
                + "perplexity)", List.of("Measure", "Judge perplexity", "AR", "MDLM", "Beyond the intervals"), rows);
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

    /**
     * This run beside the published numbers, each measured as the study measured it; null when the run does not
     * follow the study's protocol. The caption says when the run is not at the study's scale.
     */
    static Table paper(RunReport report) {
        List<PaperComparison.Row> comparison = PaperComparison.rows(report);
        if (comparison.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (PaperComparison.Row r : comparison) {
            rows.add(List.of(r.quantity(), Fmt.decimals(r.arRun(), r.decimals()), paperValue(r.arPaper(), r.decimals()),
                    Fmt.decimals(r.mdlmRun(), r.decimals()), paperValue(r.mdlmPaper(), r.decimals())));
        }
        List<String> scale = StudyProtocol.scaleDifferences(report.config().resolved());
        String caption = "This run beside the published study, each number measured as the study measured it. "
                + "Validation CE: the training loss on the first validation chunks, mean of batch means. Throughput the "
                + "study's way: this loop's wall clock also holds its NELBO evaluations, and not the study's one 80-step "
                + "MDLM sample per evaluation. Diversity: over " + Fmt.count(PublishedResults.SAMPLES) + " samples of "
                + PublishedResults.SAMPLE_TOKENS + " tokens in the paper, drawn here from the checkpoint with the lowest "
                + "validation loss (the study kept the weights with its lowest CE)"
                + (scale.isEmpty() ? "." : ". NOT at the study's scale, so the numbers are not expected to match: "
                        + String.join("; ", scale));
        return new Table(caption, List.of("Quantity", "AR (this run)", "AR (paper)", "MDLM (this run)", "MDLM (paper)"),
                rows);
    }

    /**
     * Beside the paper table, this run's likelihoods, which the study did not report: AR's exact NLL and MDLM's
     * NELBO, an upper bound (never the study's number); null when there is no paper table.
     */
    static Table paperLikelihoods(RunReport report) {
        if (!PaperComparison.applies(report)) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Best validation loss (nats/token)", r -> Fmt.loss(r.summary().analysis().bestValLoss()),
                report.ar(), report.mdlm()));
        rows.add(row("Step of best validation loss", r -> Fmt.count(r.summary().analysis().bestStep()), report.ar(),
                report.mdlm()));
        rows.add(row("Best validation perplexity", r -> (r.likelihoodIsBound() ? "≤ " : "")
                + Fmt.decimals(Math.exp(r.summary().analysis().bestValLoss()), 2), report.ar(), report.mdlm()));
        for (long step = PublishedResults.EVAL_EVERY; step <= report.config().resolved().train().steps();
                step += PublishedResults.EVAL_EVERY) {
            rows.add(List.of("Validation loss at step " + Fmt.count(step), valLossAt(report.ar(), step),
                    valLossAt(report.mdlm(), step)));
        }
        return new Table("This run's likelihoods, which the study did not report (not the study's numbers): AR's exact "
                + "next-token NLL; MDLM's NELBO, an upper bound on its NLL",
                List.of("Quantity", "AR (exact NLL)", "MDLM (NELBO, a bound)"), rows);
    }

    /**
     * For a run that does not follow the study: each choice the study made, what this run set instead, and why it
     * matters; null for a run that follows the study (its paper table stands instead).
     */
    static Table protocolChanges(RunReport report) {
        ExperimentConfig config = report.config().resolved();
        if (StudyProtocol.follows(config)) {
            return null;
        }
        List<String> departures = StudyProtocol.departures(config);
        List<List<String>> rows = new ArrayList<>();
        for (StudyProtocol.Choice choice : StudyProtocol.CHOICES) {
            boolean changed = choice.keys().stream().anyMatch(departures::contains);
            rows.add(List.of(choice.setting(), choice.study(), StudyProtocol.values(config, choice),
                    changed ? Table.PASS + " yes" : "no: as the study", choice.why()));
        }
        return new Table("What the controlled protocol changes: each choice of the published study, and what this run "
                + "did (its numbers are therefore not set beside the paper's)",
                List.of("Setting", "The study", "This run", "Changed?", "Why it matters"), rows);
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

    private static String valCeAt(ParadigmRun run, long step) {
        return run.evals().stream().filter(e -> e.step() == step && e.valCe() != null).findFirst()
                .map(e -> Fmt.loss(e.valCe())).orElse("—");
    }

    private static boolean hasValCe(ParadigmRun run) {
        return run.evals().stream().anyMatch(e -> e.valCe() != null);
    }

    /** A published number, or a dash where the study did not measure it. */
    private static String paperValue(Double value, int decimals) {
        return value == null ? "—" : Fmt.decimals(value, decimals);
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
