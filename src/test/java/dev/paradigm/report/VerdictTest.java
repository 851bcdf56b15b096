package dev.paradigm.report;

import dev.paradigm.metrics.Estimate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.run.MetricsLine;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void fixtureVerdictStatesWhatTheNumbersSay() {
        String verdict = Verdict.write(ReportFixture.load(ReportFixture.source()));
        // Convergence steps worked out by hand in JsonReportWriterTest: AR 400, MDLM 500.
        assertTrue(verdict.startsWith("AR converged faster: AR at step 400, MDLM at step 500"), verdict);
        assertTrue(verdict.contains("AR 2.5512 nats/token at step 500 (perplexity 12.82, exact)"), verdict);
        // exp(4.1734) = 64.94
        assertTrue(verdict.contains("MDLM 4.1734 nats/token at step 600 (perplexity ≤ 64.94, an upper bound)"), verdict);
        // the fixture's 600 steps of 32 chunks went 2.1 times over its 9,120 training chunks: epochs are named too
        assertTrue(verdict.contains("AR overfit: validation loss rose after its best at step 500 (epoch 1.75),"
                + " detected at step 600 (epoch 2.11)."), verdict);
        assertTrue(verdict.contains("MDLM did not overfit and was still improving"), verdict);
        // Distinct-1: AR [0.0490, 0.0534] and MDLM [0.0575, 0.0627] do not overlap; Distinct-2 [0.260, 0.282] and
        // [0.268, 0.290] do.
        String outside = verdict.substring(verdict.indexOf("outside each other's"), verdict.indexOf("; within"));
        String within = verdict.substring(verdict.indexOf("; within"));
        assertTrue(outside.contains("Distinct-1 (MDLM higher)"), outside);
        assertTrue(outside.contains("Top first-word share (AR higher)"), outside);
        assertFalse(outside.contains("Distinct-2"), outside);
        assertTrue(within.contains("Distinct-2"), within);
        assertTrue(within.contains("Self-BLEU"), within);
    }

    @Test
    void convergenceIsTheFirstEvaluationWithNinetyFivePercentOfTheImprovement() {
        // first 5.0, best 1.4: improvement 3.6, target 5.0 − 0.95 × 3.6 = 1.58, first met by 1.5 at step 30.
        List<MetricsLine.Eval> evals = List.of(eval(0, 5.0), eval(10, 3.0), eval(20, 2.0), eval(30, 1.5), eval(40, 1.4));
        assertEquals(OptionalLong.of(30), Convergence.step(evals));
        assertEquals(OptionalLong.empty(), Convergence.step(List.of(eval(0, 2.0), eval(10, 2.5))));
    }

    @Test
    void overlappingIntervalsAreNotAClearDifference() {
        assertTrue(new Estimate(1, 0.5, 1.5).overlaps(new Estimate(2, 1.5, 2.5))); // touching counts as overlap
        assertFalse(new Estimate(1, 0.5, 1.4).overlaps(new Estimate(2, 1.5, 2.5)));
    }

    private static MetricsLine.Eval eval(int step, double loss) {
        return new MetricsLine.Eval(step, step / 100.0, loss, Math.exp(loss), loss, 0);
    }
}
