package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.metrics.Estimate;
import dev.paradigm.report.QualityDiversity.Measure;
import dev.paradigm.run.FrontierLine.Knob;
import dev.paradigm.run.SampleEvaluation.FrontierPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Diversity at matched quality, on frontiers made up for each case. */
class QualityDiversityTest {
    private static final String JUDGE = "hf:gpt2-large";

    /** Settings at these perplexities with these diversities (interval ± 0.01 each, Self-BLEU = 1 − Distinct-4). */
    private static List<FrontierPoint> curve(double[] ppl, double[] distinct4) {
        List<FrontierPoint> points = new ArrayList<>();
        for (int i = 0; i < ppl.length; i++) {
            points.add(point(i, ppl[i], 1 - distinct4[i], distinct4[i]));
        }
        return points;
    }

    private static FrontierPoint point(int i, double ppl, double selfBleu, double distinct4) {
        return new FrontierPoint(i, Knob.TEMPERATURE, 0.7 + 0.1 * i, 64, 32, new Estimate(ppl, ppl * 0.95, ppl * 1.05),
                new Estimate(selfBleu, selfBleu - 0.01, selfBleu + 0.01), new Estimate(distinct4, distinct4 - 0.01,
                distinct4 + 0.01));
    }

    @Test
    void theFrontKeepsOnlySettingsNoOtherBeatsOnBothAxes() {
        // (12, 0.70) is beaten by (10, 0.72): a lower perplexity and more diverse
        List<FrontierPoint> points = curve(new double[] {5, 10, 12, 20}, new double[] {0.5, 0.72, 0.70, 0.8});
        assertEquals(List.of(5.0, 10.0, 20.0), QualityDiversity.front(points, Measure.DISTINCT_4).stream()
                .map(p -> p.judgePpl().value()).toList());
        assertEquals(List.of(5.0, 10.0, 20.0), QualityDiversity.front(points, Measure.SELF_BLEU).stream()
                .map(p -> p.judgePpl().value()).toList(), "Self-BLEU: lower is more diverse");
    }

    @Test
    void theCurveIsInterpolatedInLogPerplexityAndLevelBeyondItsEnds() {
        List<FrontierPoint> front = curve(new double[] {4, 16}, new double[] {0.4, 0.8});
        Estimate middle = QualityDiversity.at(front, Measure.DISTINCT_4, 8); // halfway in log between 4 and 16
        assertEquals(0.6, middle.value(), 1e-12);
        assertEquals(0.59, middle.ciLow(), 1e-12);
        assertEquals(0.8, QualityDiversity.at(front, Measure.DISTINCT_4, 100).value(), 0.0);
        assertEquals(0.4, QualityDiversity.at(front, Measure.DISTINCT_4, 4).value(), 0.0);
    }

    @Test
    void aCurveAboveTheOtherAtEveryMatchedPerplexityDominates() {
        List<FrontierPoint> ar = curve(new double[] {4, 8, 16}, new double[] {0.5, 0.6, 0.7});
        List<FrontierPoint> mdlm = curve(new double[] {6, 12, 24}, new double[] {0.65, 0.75, 0.85});
        QualityDiversity qd = QualityDiversity.of(ar, mdlm, JUDGE, true);
        assertEquals(6, qd.matchedLow(), 1e-12);
        assertEquals(16, qd.matchedHigh(), 1e-12);
        assertEquals(QualityDiversity.LEVELS, qd.comparisons().get(0).levels().size());
        assertEquals("MDLM", qd.dominant());
        assertTrue(qd.finding().startsWith("At matched judge perplexity (6.0 to 16.0), MDLM's samples are more diverse "
                + "than AR's on both measures"), qd.finding());
        assertTrue(qd.finding().endsWith("MDLM dominates"), qd.finding());
    }

    @Test
    void crossingCurvesDominateNeither() {
        List<FrontierPoint> ar = curve(new double[] {4, 8, 16}, new double[] {0.5, 0.7, 0.9});
        List<FrontierPoint> mdlm = curve(new double[] {4, 8, 16}, new double[] {0.7, 0.7, 0.7});
        QualityDiversity qd = QualityDiversity.of(ar, mdlm, JUDGE, true);
        assertNull(qd.dominant());
        List<String> order = qd.comparisons().get(1).levels().stream().map(QualityDiversity.Level::moreDiverse).toList();
        assertEquals("MDLM", order.get(0));
        assertEquals("AR", order.get(order.size() - 1));
        assertTrue(qd.finding().contains("neither paradigm dominates: by both measures the intervals overlap or the order "
                + "changes along the range"), qd.finding());
    }

    @Test
    void curvesThatNeverReachTheSamePerplexityAreNotCompared() {
        List<FrontierPoint> ar = curve(new double[] {2, 3}, new double[] {0.5, 0.6});
        List<FrontierPoint> mdlm = curve(new double[] {20000, 30000}, new double[] {0.95, 0.97});
        QualityDiversity qd = QualityDiversity.of(ar, mdlm, JUDGE, true);
        assertFalse(qd.overlaps());
        assertNull(qd.dominant());
        assertEquals("At no setting do the two paradigms reach the same judge perplexity (AR 2.0 to 3.0, MDLM 20,000.0 to "
                + "30,000.0), so diversity cannot be compared at matched quality", qd.finding());
    }

    @Test
    void aSelfJudgedFrontierNamesNoDominantParadigm() {
        List<FrontierPoint> ar = curve(new double[] {4, 8, 16}, new double[] {0.5, 0.6, 0.7});
        List<FrontierPoint> mdlm = curve(new double[] {6, 12, 24}, new double[] {0.65, 0.75, 0.85});
        QualityDiversity qd = QualityDiversity.of(ar, mdlm, "this run's own AR model (best checkpoint)", false);
        assertEquals("MDLM", qd.dominant(), "the numbers are computed and shown");
        assertFalse(qd.finding().contains("MDLM") || qd.finding().contains("more diverse than"), qd.finding());
        assertTrue(qd.finding().contains("names no paradigm that dominates"), qd.finding());
    }

    @Test
    void aSettingWithoutAScoredTokenIsLeftOffTheCurve() {
        List<FrontierPoint> ar = new ArrayList<>(curve(new double[] {4, 8}, new double[] {0.5, 0.6}));
        ar.add(new FrontierPoint(2, Knob.TEMPERATURE, 1.3, 64, 32, null, new Estimate(0.1, 0.05, 0.15),
                new Estimate(0.9, 0.85, 0.95)));
        List<FrontierPoint> mdlm = curve(new double[] {4, 8}, new double[] {0.5, 0.6});
        QualityDiversity qd = QualityDiversity.of(ar, mdlm, JUDGE, true);
        assertEquals(8, qd.matchedHigh(), 1e-12);
        assertNull(qd.dominant());
    }
}
