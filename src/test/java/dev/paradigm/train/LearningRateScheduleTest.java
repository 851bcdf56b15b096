package dev.paradigm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    // The study's schedule: 500 warmup steps, peak 3e-4, floor 5% of peak, 20,000 steps.
    private final LearningRateSchedule paper = new LearningRateSchedule(3e-4, 500, 20_000, 0.05, true);

    @Test
    void warmupRisesLinearlyToThePeak() {
        assertEquals(3e-4 / 500, paper.at(0), 1e-15);      // step 0 -> 1/500 of peak
        assertEquals(3e-4 * 250 / 500, paper.at(249), 1e-15);
        assertEquals(3e-4, paper.at(499), 1e-15);          // last warmup step reaches the peak
    }

    @Test
    void cosineStartsAtThePeakAndEndsAtTheFloor() {
        assertEquals(3e-4, paper.at(500), 1e-15);
        assertEquals(0.05 * 3e-4, paper.at(19_999), 1e-15);
        // halfway through the decay (progress 0.5): floor + (peak - floor) * 0.5 = 1.5e-5 + 2.85e-4 * 0.5
        int middle = 500 + (19_999 - 500) / 2;
        double progress = (double) (middle - 500) / (19_999 - 500);
        double expected = 1.5e-5 + 2.85e-4 * 0.5 * (1 + Math.cos(Math.PI * progress));
        assertEquals(expected, paper.at(middle), 1e-15);
        assertEquals(1.5e-5 + 2.85e-4 * 0.5, paper.at(middle), 2e-8);
    }

    @Test
    void cosineDecreasesMonotonically() {
        for (int s = 501; s < 20_000; s += 97) {
            assertTrue(paper.at(s) <= paper.at(s - 1), "step " + s);
        }
    }

    @Test
    void constantHoldsThePeakAfterWarmup() {
        LearningRateSchedule constant = new LearningRateSchedule(1e-3, 10, 100, 0.05, false);
        assertEquals(1e-4, constant.at(0), 1e-18);
        assertEquals(1e-3, constant.at(10), 0.0);
        assertEquals(1e-3, constant.at(99), 0.0);
    }

    @Test
    void noWarmupStartsAtThePeak() {
        LearningRateSchedule s = new LearningRateSchedule(2e-3, 0, 11, 0.0, true);
        assertEquals(2e-3, s.at(0), 0.0);
        assertEquals(1e-3, s.at(5), 1e-15);                 // progress 5/10 -> half of peak with floor 0
        assertEquals(0.0, s.at(10), 1e-18);
    }
}
