package dev.paradigm.report;

import dev.paradigm.run.MetricsLine;
import java.util.List;
import java.util.OptionalLong;

/**
 * When a validation curve converged. AR and MDLM losses are on different scales (an exact NLL against an
 * upper bound), so they cannot be compared by value; instead each curve is compared with itself: it has
 * converged at the first evaluation that achieved {@link #SHARE} of its total improvement (from the first
 * evaluation to its best).
 */
final class Convergence {
    static final double SHARE = 0.95;

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
}
