package dev.paradigm.report;

import dev.paradigm.train.CurveAnalysis;
import java.util.List;
import java.util.OptionalLong;

/** The report's opening paragraph, written from the numbers (plain text; writers escape it). */
final class Verdict {
    private Verdict() {}

    static String write(RunReport report) {
        ParadigmRun ar = report.ar();
        ParadigmRun mdlm = report.mdlm();
        StringBuilder text = new StringBuilder();
        ControlCheck control = ControlCheck.of(report);
        if (!control.controlled()) {
            text.append("Caution: this comparison was not controlled: ").append(String.join("; ", control.problems()))
                    .append(". ");
        }
        text.append(convergence(ar, mdlm)).append(' ');
        text.append("Best validation loss: AR ").append(best(ar)).append("; MDLM ").append(best(mdlm))
                .append(" — MDLM's loss is a NELBO, so its perplexity is an upper bound on the true one and the "
                        + "two are not directly comparable. ");
        text.append(overfitting(ar)).append(' ').append(overfitting(mdlm)).append(' ');
        text.append(diversity(MetricComparison.all(report)));
        return text.toString().strip();
    }

    private static String convergence(ParadigmRun ar, ParadigmRun mdlm) {
        OptionalLong arStep = Convergence.step(ar.evals());
        OptionalLong mdlmStep = Convergence.step(mdlm.evals());
        String how = "(converged = first evaluation with " + Math.round(Convergence.SHARE * 100)
                + "% of the curve's total validation-loss improvement)";
        if (arStep.isEmpty() || mdlmStep.isEmpty()) {
            String stalled = (arStep.isEmpty() ? ar : mdlm).label();
            return stalled + "'s validation loss never improved on its first evaluation, so convergence speed "
                    + "cannot be compared " + how + ".";
        }
        long a = arStep.getAsLong();
        long m = mdlmStep.getAsLong();
        String steps = "AR at step " + Fmt.count(a) + ", MDLM at step " + Fmt.count(m);
        if (a == m) {
            return "Both paradigms converged at the same step, " + Fmt.count(a) + " " + how + ".";
        }
        return (a < m ? ar : mdlm).label() + " converged faster: " + steps + " " + how + ".";
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
                    + run.atStep(analysis.bestStep(), analysis.bestEpoch()) + when + ".";
        }
        return run.label() + " did not overfit" + (analysis.stillImproving()
                ? " and was still improving at the last evaluation (more steps would likely help)."
                : " and had levelled off by the last evaluation.");
    }

    private static String diversity(List<MetricComparison> comparisons) {
        if (comparisons.isEmpty()) {
            return "";
        }
        StringBuilder outside = new StringBuilder();
        StringBuilder within = new StringBuilder();
        for (MetricComparison c : comparisons) {
            if (c.outsideIntervals()) {
                outside.append(outside.length() > 0 ? ", " : "").append(MetricCatalog.label(c.metric()))
                        .append(" (").append(c.higher()).append(" higher)");
            } else {
                within.append(within.length() > 0 ? ", " : "").append(MetricCatalog.label(c.metric()));
            }
        }
        StringBuilder text = new StringBuilder("Sample diversity: ");
        text.append(outside.length() > 0 ? "differences outside each other's 95% confidence intervals — " + outside
                : "no difference lies outside each other's 95% confidence intervals");
        if (within.length() > 0) {
            text.append("; within each other's intervals (not distinguishable at this sample size) — ").append(within);
        }
        return text.append('.').toString();
    }
}
