package dev.paradigm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GenerativePerplexityTest {
    @Test
    void exponentOfTheRatioOfSumsNotTheMeanOfRatios() {
        // 10 nats over 5 tokens and 2 nats over 5 tokens: exp(12 / 10), not the mean of exp(2) and exp(0.4).
        double[][] scores = {{10, 5}, {2, 5}, {0, 0}};
        Estimate e = GenerativePerplexity.of(scores, new Bootstrap(3, 500, 7));
        assertEquals(Math.exp(1.2), e.value(), 1e-12);
        assertTrue(e.contains(e.value()) && e.width() > 0, e.toString());
    }

    @Test
    void badScoresAreRefused() {
        Bootstrap two = new Bootstrap(2, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> GenerativePerplexity.of(new double[][] {{1, 1}}, two));
        assertThrows(IllegalArgumentException.class, () -> GenerativePerplexity.of(new double[][] {{0, 0}, {0, 0}}, two));
        assertThrows(IllegalArgumentException.class, () -> GenerativePerplexity.of(new double[][] {{Double.NaN, 1}, {1, 1}}, two));
    }
}
