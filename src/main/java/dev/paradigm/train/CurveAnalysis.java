package dev.paradigm.train;

import java.util.List;

/**
 * What the validation curve says at the end of a run: the best step, whether and where the loss turned up
 * (overfitting), and whether it was still improving over the last evaluations. The study read both findings
 * off a chart; here they are measured.
 *
 * @param bestStep        step of the lowest validation loss
 * @param bestEpoch       the epoch of that step (passes over the training data, {@link dev.paradigm.run.MetricsLine.Eval})
 * @param bestValLoss     that loss
 * @param overfit         whether the loss after the best step rose above it by more than the tolerance
 * @param overfitStep     first evaluation after the best step that exceeded the tolerance, or null
 * @param overfitEpoch    the epoch of that evaluation, or null
 * @param stillImproving  whether the least-squares slope of the last {@code window} evaluations is negative,
 *                        the best step is among them, and they gained more than {@code 1 - CONVERGED_SHARE} (5%)
 *                        of the curve's whole drop (from its first evaluation to its best): a smaller gain is a
 *                        plateau, by the same measure that says when a curve converged
 * @param lastEvalsSlope  that slope, in loss per 1,000 steps
 */
public record CurveAnalysis(int bestStep, double bestEpoch, double bestValLoss, boolean overfit, Integer overfitStep,
        Double overfitEpoch, boolean stillImproving, double lastEvalsSlope) {

    /** One evaluation point. */
    public record Point(int step, double epoch, double valLoss) {}

    /** Relative rise over the best loss that counts as "turned up" (0.5%: above evaluation noise). */
    public static final double RISE_TOLERANCE = 0.005;

    /** Evaluations considered "the last ones". */
    public static final int WINDOW = 3;

    /**
     * A curve has converged at the first evaluation that achieved this share of its whole drop (from its first
     * evaluation, step 0, to its best); the last evaluations of a curve that is still improving gain more than the
     * rest.
     */
    public static final double CONVERGED_SHARE = 0.95;

    public static CurveAnalysis of(List<Point> curve) {
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("The validation curve is empty: no evaluation ran (is train.eval_interval larger "
                    + "than train.steps?).");
        }
        Point best = curve.get(0);
        int bestIndex = 0;
        for (int i = 1; i < curve.size(); i++) {
            if (curve.get(i).valLoss() < best.valLoss()) {
                best = curve.get(i);
                bestIndex = i;
            }
        }
        Point rise = null;
        double threshold = best.valLoss() * (1 + RISE_TOLERANCE);
        for (int i = bestIndex + 1; i < curve.size(); i++) {
            if (curve.get(i).valLoss() > threshold) {
                rise = curve.get(i);
                break;
            }
        }
        List<Point> last = curve.subList(Math.max(0, curve.size() - WINDOW), curve.size());
        double slope = slopePerThousandSteps(last);
        boolean bestIsRecent = bestIndex >= curve.size() - last.size();
        double drop = curve.get(0).valLoss() - best.valLoss();
        boolean material = last.get(0).valLoss() - best.valLoss() > (1 - CONVERGED_SHARE) * drop;
        return new CurveAnalysis(best.step(), best.epoch(), best.valLoss(), rise != null,
                rise == null ? null : rise.step(), rise == null ? null : rise.epoch(),
                last.size() >= 2 && slope < 0 && bestIsRecent && material, slope);
    }

    private static double slopePerThousandSteps(List<Point> points) {
        if (points.size() < 2) {
            return 0.0;
        }
        double meanX = points.stream().mapToDouble(Point::step).average().orElse(0);
        double meanY = points.stream().mapToDouble(Point::valLoss).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Point p : points) {
            num += (p.step() - meanX) * (p.valLoss() - meanY);
            den += (p.step() - meanX) * (p.step() - meanX);
        }
        return den == 0 ? 0.0 : 1000.0 * num / den;
    }
}
