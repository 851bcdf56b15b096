package dev.paradigm.train;

import java.util.Map;

/**
 * Training losses summed since the last log line and since the last evaluation: the log line reports the first
 * mean, the evaluation line the second. Checkpoints keep both sums (as their "extra" entries), so a resumed run
 * writes the same means as a run that never stopped.
 */
final class LossSums {
    private double intervalSum;
    private int intervalSteps;
    private double sinceEvalSum;
    private int sinceEvalSteps;

    /** Sums restored from a checkpoint's extra entries (zeros when absent). */
    static LossSums restore(Map<String, Object> extra) {
        LossSums sums = new LossSums();
        sums.intervalSum = number(extra, "interval_loss_sum");
        sums.intervalSteps = (int) number(extra, "interval_steps");
        sums.sinceEvalSum = number(extra, "eval_train_loss_sum");
        sums.sinceEvalSteps = (int) number(extra, "eval_train_steps");
        return sums;
    }

    /** Adds the drained {@code [loss, grad_norm]} rows. */
    void add(double[][] drained) {
        for (double[] row : drained) {
            intervalSum += row[0];
            sinceEvalSum += row[0];
        }
        intervalSteps += drained.length;
        sinceEvalSteps += drained.length;
    }

    boolean hasInterval() {
        return intervalSteps > 0;
    }

    /** The mean since the last log line; starts a new interval. */
    double takeIntervalMean() {
        double mean = intervalSum / intervalSteps;
        intervalSum = 0;
        intervalSteps = 0;
        return mean;
    }

    /** The mean since the last evaluation (NaN when no step ran); starts a new one. */
    double takeSinceEvalMean() {
        double mean = sinceEvalSteps > 0 ? sinceEvalSum / sinceEvalSteps : Double.NaN;
        sinceEvalSum = 0;
        sinceEvalSteps = 0;
        return mean;
    }

    /** The checkpoint entries {@link #restore} reads. */
    Map<String, Object> toExtra() {
        return Map.of("interval_loss_sum", intervalSum, "interval_steps", intervalSteps,
                "eval_train_loss_sum", sinceEvalSum, "eval_train_steps", sinceEvalSteps);
    }

    private static double number(Map<String, Object> extra, String key) {
        Object value = extra.get(key);
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }
}
