package dev.paradigm.report;

import dev.paradigm.metrics.Estimate;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.train.CurveAnalysis;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's verdict: a short list of findings, each one sentence with the numbers it rests on, written from the
 * run's numbers by the rules of docs/verdict.md (plain text; writers escape it). Diversity is compared only between
 * comparably fluent samples ({@link FluencyGate}), and at matched quality along the frontier ({@link QualityDiversity});
 * "converged faster" only when both curves had levelled off ({@link Convergence}); no finding rests on a perplexity
 * the run's own AR model gave its own samples.
 */
final class Verdict {
    private Verdict() {}

    /** One finding: what it is about, and the sentence. */
    record Finding(String topic, String text) {}

    static List<Finding> findings(RunReport report) {
        ParadigmRun ar = report.ar();
        ParadigmRun mdlm = report.mdlm();
        List<Finding> findings = new ArrayList<>();
        ControlCheck control = ControlCheck.of(report);
        if (!control.controlled()) {
            findings.add(new Finding("Control", "Caution: this comparison was not controlled: "
                    + String.join("; ", control.problems()) + "."));
        }
        findings.add(new Finding("Convergence", Convergence.finding(ar, mdlm)));
        findings.add(new Finding("Likelihood", "Best validation loss: AR " + best(ar) + "; MDLM " + best(mdlm)
                + " — MDLM's loss is a NELBO, so its perplexity is an upper bound on the true one and the two are not "
                + "directly comparable."));
        findings.add(new Finding("Overfitting", overfitting(ar) + "; " + overfitting(mdlm) + "."));
        FluencyGate gate = FluencyGate.of(report);
        findings.add(new Finding("Fluency", gate.reason() + (gate.comparable() ? "."
                : "; diversity differences are not meaningful here.")));
        if (gate.comparable()) {
            findings.add(new Finding("Diversity", diversity(MetricComparison.all(report))));
        }
        QualityDiversity frontier = QualityDiversity.of(report);
        if (frontier != null) {
            findings.add(new Finding("Diversity at matched quality", frontier.finding() + "."));
        }
        String copying = memorization(ar, mdlm);
        if (copying != null) {
            findings.add(new Finding("Memorization", copying));
        }
        return findings;
    }

    private static String best(ParadigmRun run) {
        CurveAnalysis analysis = run.summary().analysis();
        String ppl = Fmt.decimals(Math.exp(analysis.bestValLoss()), 2);
        return Fmt.loss(analysis.bestValLoss()) + " nats/token at step " + Fmt.count(analysis.bestStep())
                + " (perplexity " + (run.likelihoodIsBound() ? "≤ " + ppl + ", an upper bound" : ppl + ", exact")
                + ")";
    }

    private static String overfitting(ParadigmRun run) {
        CurveAnalysis analysis = run.summary().analysis();
        if (analysis.overfit()) {
            String when = analysis.overfitStep() == null ? ""
                    : ", detected at " + run.atStep(analysis.overfitStep(), analysis.overfitEpoch());
            return run.label() + " overfit: validation loss rose after its best at "
                    + run.atStep(analysis.bestStep(), analysis.bestEpoch()) + when;
        }
        return run.label() + " did not overfit" + (analysis.stillImproving()
                ? " and was still improving at its last evaluation (more steps would likely help)"
                : " and had levelled off by its last evaluation");
    }

    /** Which sample diversity metrics differ beyond their intervals (fluency measures are not diversity). */
    private static String diversity(List<MetricComparison> comparisons) {
        List<String> outside = new ArrayList<>();
        List<String> within = new ArrayList<>();
        for (MetricComparison c : comparisons) {
            if (c.metric().equals(MetricCatalog.GRAMMAR_ERRORS) || c.metric().equals(MetricCatalog.SPELLING_ERRORS)) {
                continue;
            }
            if (c.outsideIntervals()) {
                outside.add(MetricCatalog.label(c.metric()) + " (" + c.higher() + " higher: AR " + Fmt.estimate(c.ar())
                        + ", MDLM " + Fmt.estimate(c.mdlm()) + ")");
            } else {
                within.add(MetricCatalog.label(c.metric()));
            }
        }
        StringBuilder text = new StringBuilder("Sample diversity of comparably fluent samples: ");
        text.append(outside.isEmpty() ? "no difference lies outside each other's 95% confidence intervals"
                : "differences outside each other's 95% confidence intervals — " + String.join(", ", outside));
        if (!within.isEmpty()) {
            text.append("; within each other's intervals (not distinguishable at this sample size) — ")
                    .append(String.join(", ", within));
        }
        return text.append('.').toString();
    }

    /** The copied share at the middle order of each paradigm against its held-out baseline; null when not measured. */
    private static String memorization(ParadigmRun ar, ParadigmRun mdlm) {
        SampleEvaluation.Memorization a = ar.evaluation().memorization();
        SampleEvaluation.Memorization m = mdlm.evaluation().memorization();
        if (a == null || m == null || a.heldOut() == null || m.heldOut() == null) {
            return null;
        }
        List<Integer> orders = List.copyOf(a.samples().copiedShare().keySet());
        int order = orders.get(orders.size() / 2);
        if (!m.samples().copiedShare().containsKey(order)) {
            return null;
        }
        return "Share of " + order + "-token sequences found verbatim in the training tokens: " + copying(ar, a, order)
                + "; " + copying(mdlm, m, order) + ".";
    }

    private static String copying(ParadigmRun run, SampleEvaluation.Memorization memorization, int order) {
        Estimate share = memorization.samples().copiedShare().get(order);
        Estimate base = memorization.heldOut().copiedShare().get(order);
        String relation = share.ciLow() > base.ciHigh() ? "more than" : share.ciHigh() < base.ciLow() ? "less than"
                : "as much as (within the intervals)";
        return run.label() + " " + Fmt.estimate(share) + " against " + Fmt.estimate(base) + " for held-out validation "
                + "text of the same shape, so " + run.label() + "'s samples copy " + relation + " unseen text shares "
                + "with the training text (longest copied span: " + memorization.samples().maxSpan() + " tokens)";
    }

    /** The findings as plain text, one a line (logs and tests). */
    static String text(RunReport report) {
        StringBuilder text = new StringBuilder();
        for (Finding f : findings(report)) {
            text.append(f.topic()).append(": ").append(f.text()).append('\n');
        }
        return text.toString();
    }
}
