package dev.paradigm.report;

import dev.paradigm.run.MetricsLine;
import dev.paradigm.train.CurveAnalysis;
import java.util.List;
import java.util.OptionalLong;

/**
 * When a validation curve converged, and what may be said about which converged faster. AR and MDLM losses are on
 * different scales (an exact NLL against an upper bound), so they cannot be compared by value; instead each curve is
 * compared with itself: it has converged at the first evaluation that achieved {@link #SHARE} of its whole drop, from
 * step 0 (the untrained model, evaluated before any update) to its best.
 *
 * <p>"X converged faster" is said only when both curves had levelled off by their last evaluation: a curve that was
 * still improving there (by {@link CurveAnalysis#stillImproving}: more than the remaining 5% of its drop over its
 * last evaluations) may yet fall much further, so its convergence step says nothing yet. Then the finding is "X
 * plateaued at step N; Y was still improving".
 */
final class Convergence {
    static final double SHARE = CurveAnalysis.CONVERGED_SHARE;

    private Convergence() {}

    /** The convergence step, or empty when the curve never improved on its first evaluation. */
    static OptionalLong step(List<MetricsLine.Eval> evals) {
        double first = evals.get(0).valLoss();
        double best = evals.stream().mapToDouble(MetricsLine.Eval::valLoss).min().orElse(first);
        double improvement = first - best;
        if (!(improvement > 0)) {
            return OptionalLong.empty();
        }
        double target = first - SHARE * improvement;
        for (MetricsLine.Eval point : evals) {
            if (point.valLoss() <= target) {
                return OptionalLong.of(point.step());
            }
        }
        return OptionalLong.empty(); // unreachable: the best evaluation itself meets the target
    }

    /** The verdict's finding about the two curves: one sentence. */
    static String finding(ParadigmRun ar, ParadigmRun mdlm) {
        OptionalLong arStep = step(ar.evals());
        OptionalLong mdlmStep = step(mdlm.evals());
        String how = "(converged = the first evaluation with " + Math.round(SHARE * 100) + "% of the drop from "
                + start(ar, mdlm) + " to the curve's best)";
        if (arStep.isEmpty() || mdlmStep.isEmpty()) {
            ParadigmRun flat = arStep.isEmpty() ? ar : mdlm;
            return flat.label() + "'s validation loss never fell below its first evaluation, so convergence speed cannot "
                    + "be compared " + how + ".";
        }
        boolean arImproving = ar.summary().analysis().stillImproving();
        boolean mdlmImproving = mdlm.summary().analysis().stillImproving();
        if (arImproving && mdlmImproving) {
            String steps = lastStep(ar) == lastStep(mdlm) ? "step " + Fmt.count(lastStep(ar))
                    : "steps " + Fmt.count(lastStep(ar)) + " and " + Fmt.count(lastStep(mdlm));
            return "Neither curve had levelled off: AR and MDLM were both still improving at their last evaluations ("
                    + steps + "), so neither has converged yet " + how + ".";
        }
        if (arImproving || mdlmImproving) {
            ParadigmRun levelled = arImproving ? mdlm : ar;
            ParadigmRun improving = arImproving ? ar : mdlm;
            long step = (arImproving ? mdlmStep : arStep).getAsLong();
            return levelled.label() + " plateaued at step " + Fmt.count(step) + "; " + improving.label()
                    + " was still improving at its last evaluation (step " + Fmt.count(lastStep(improving))
                    + "), so which converges faster is not known yet " + how + ".";
        }
        long a = arStep.getAsLong();
        long m = mdlmStep.getAsLong();
        if (a == m) {
            return "Both paradigms converged at step " + Fmt.count(a) + " and had levelled off by their last evaluations "
                    + how + ".";
        }
        ParadigmRun faster = a < m ? ar : mdlm;
        ParadigmRun slower = a < m ? mdlm : ar;
        return faster.label() + " converged faster: at step " + Fmt.count(Math.min(a, m)) + " against " + slower.label()
                + "'s " + Fmt.count(Math.max(a, m)) + ", and both had levelled off by their last evaluations " + how + ".";
    }

    /** "step 0", or the first evaluation's step when a curve has none at step 0 (a run from before step-0 evaluations). */
    private static String start(ParadigmRun ar, ParadigmRun mdlm) {
        int first = Math.max(ar.evals().get(0).step(), mdlm.evals().get(0).step());
        return first == 0 ? "step 0" : "the first evaluation (this run has none at step 0)";
    }

    private static int lastStep(ParadigmRun run) {
        return run.evals().get(run.evals().size() - 1).step();
    }
}
