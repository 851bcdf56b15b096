package dev.paradigm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.train.CurveAnalysis.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurveAnalysisTest {

    /** The paper's budget: 32 × 512 tokens a step over 50M training tokens. */
    private static final double EPOCHS_PER_STEP = 32.0 * 512 / 50_000_000;

    private static List<Point> curve(double... losses) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            int step = 2000 * (i + 1);
            points.add(new Point(step, step * EPOCHS_PER_STEP, losses[i]));
        }
        return points;
    }

    @Test
    void thePapersArCurveOverfitsAfterStep14000() {
        CurveAnalysis a = CurveAnalysis.of(curve(2.660, 2.047, 1.837, 1.726, 1.665, 1.633, 1.589, 1.603, 1.627, 1.622));
        assertEquals(14_000, a.bestStep());
        assertEquals(1.589, a.bestValLoss(), 0.0);
        assertTrue(a.overfit());
        // 1.589 * 1.005 = 1.596945: 1.603 at step 16,000 is the first evaluation above it.
        assertEquals(16_000, a.overfitStep());
        // in passes over the 50M training tokens: best after 4.59 epochs, the rise seen at 5.24 (the study's "~5")
        assertEquals(14_000 * 32 * 512 / 50e6, a.bestEpoch(), 1e-12);
        assertEquals(4.59, a.bestEpoch(), 0.005);
        assertEquals(5.24, a.overfitEpoch(), 0.005);
        assertFalse(a.stillImproving());
    }

    @Test
    void thePapersMdlmCurveIsStillImprovingAtTheEnd() {
        CurveAnalysis a = CurveAnalysis.of(curve(3.952, 3.841, 3.585, 3.528, 3.509, 3.527, 3.491, 3.455, 3.419, 3.412));
        assertEquals(20_000, a.bestStep());
        assertFalse(a.overfit());
        assertNull(a.overfitStep());
        assertNull(a.overfitEpoch());
        assertTrue(a.stillImproving());
        // last three: (16000, 3.455), (18000, 3.419), (20000, 3.412): slope = sum(dx*dy)/sum(dx^2)
        // dx = -2000, 0, 2000; dy = 0.026, -0.010, -0.017 -> (-52 - 34) / 8e6 = -1.075e-5 per step = -0.01075 per 1000
        assertEquals(-0.01075, a.lastEvalsSlope(), 1e-9);
    }

    @Test
    void aRiseWithinTheToleranceIsNotOverfitting() {
        CurveAnalysis a = CurveAnalysis.of(curve(3.0, 2.0, 2.005, 2.009));
        assertFalse(a.overfit());
        assertEquals(4000, a.bestStep());
    }

    @Test
    void aPlateauIsNotStillImproving() {
        CurveAnalysis a = CurveAnalysis.of(curve(3.0, 2.0, 2.0, 2.0));
        assertFalse(a.stillImproving());
        assertEquals(0.0, a.lastEvalsSlope(), 1e-12);
    }

    @Test
    void aCurveThatStillDriftsDownByLessThanFivePercentOfItsDropHasPlateaued() {
        // drop 7.0 − 1.98 = 5.02; the last three evaluations gain 1.99 − 1.98 = 0.01, under 5% of it (0.251)
        CurveAnalysis drifting = CurveAnalysis.of(curve(7.0, 2.0, 1.99, 1.985, 1.98));
        assertTrue(drifting.lastEvalsSlope() < 0);
        assertFalse(drifting.stillImproving());
        // the same curve gaining 0.3 over its last evaluations (6% of a 5.0 drop) is still improving
        assertTrue(CurveAnalysis.of(curve(7.0, 2.5, 2.3, 2.1, 2.0)).stillImproving());
    }

    @Test
    void anEmptyCurveIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CurveAnalysis.of(List.of()));
        assertTrue(e.getMessage().contains("eval_interval"));
    }
}
