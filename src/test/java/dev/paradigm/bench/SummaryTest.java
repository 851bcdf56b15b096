package dev.paradigm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Quartiles worked by hand with h = p(n - 1), value = x_⌊h⌋ + (h - ⌊h⌋)(x_⌊h⌋+1 - x_⌊h⌋). */
class SummaryTest {
    private static final double EPS = 1e-12;

    @Test
    void evenCountInterpolatesBetweenTheMiddleValues() {
        // sorted 1 2 3 4: q1 h=0.75 -> 1 + 0.75 = 1.75; median h=1.5 -> 2.5; q3 h=2.25 -> 3.25
        Summary s = Summary.of(4, 1, 3, 2);
        assertEquals(4, s.n());
        assertEquals(1, s.min(), EPS);
        assertEquals(1.75, s.q1(), EPS);
        assertEquals(2.5, s.median(), EPS);
        assertEquals(3.25, s.q3(), EPS);
        assertEquals(4, s.max(), EPS);
        assertEquals(1.5, s.iqr(), EPS);
        assertEquals(0.6, s.relativeIqr(), EPS); // 1.5 / 2.5
    }

    @Test
    void oddCountHasAnObservedMedian() {
        // sorted 1 5 9: q1 h=0.5 -> 1 + 0.5*4 = 3; median 5; q3 h=1.5 -> 5 + 0.5*4 = 7
        Summary s = Summary.of(5, 9, 1);
        assertEquals(3, s.q1(), EPS);
        assertEquals(5, s.median(), EPS);
        assertEquals(7, s.q3(), EPS);
    }

    @Test
    void oneValueIsItsOwnSpread() {
        Summary s = Summary.of(7.5);
        assertEquals(7.5, s.min(), EPS);
        assertEquals(7.5, s.q1(), EPS);
        assertEquals(7.5, s.median(), EPS);
        assertEquals(7.5, s.q3(), EPS);
        assertEquals(7.5, s.max(), EPS);
        assertEquals(0, s.iqr(), EPS);
    }

    @Test
    void inputIsNotReordered() {
        double[] values = {3, 1, 2};
        Summary.of(values);
        assertEquals(3, values[0]);
        assertEquals(1, values[1]);
    }

    @Test
    void emptyOrNonFiniteInputIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, Summary::of).getMessage().contains("at least one"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Summary.of(1, Double.NaN)).getMessage()
                .contains("finite"));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(Double.POSITIVE_INFINITY));
    }
}
