package dev.paradigm.metrics;

import dev.paradigm.config.Smoothing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.bench.ZipfTextGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    @Test
    void percentileInterpolatesLikeNumpy() {
        // np.percentile([1, 2, 3, 4, 5], 2.5) = 1 + 0.025 * 4 * (2 - 1) = 1.1; at 97.5: position 3.9 -> 4.9
        double[] values = {5, 3, 1, 4, 2};
        assertEquals(1.1, Bootstrap.percentile(values, 0.025), 1e-12);
        assertEquals(4.9, Bootstrap.percentile(values, 0.975), 1e-12);
    }

    @Test
    void constantValuesHaveAZeroWidthInterval() {
        Estimate e = new Bootstrap(4, 200, 1).ofMean(new double[] {0.5, 0.5, 0.5, 0.5});
        assertEquals(new Estimate(0.5, 0.5, 0.5), e);
    }

    // A small vocabulary, so that samples repeat 4-grams and every metric varies over resamples.
    @Test
    void intervalsAreDeterministicForASeedAndContainThePointEstimate() {
        List<String> texts = new ZipfTextGenerator(1000, 1.5, 5).texts(150, 20, 60);
        MetricsResult first = SampleMetrics.compute(texts, fakeIds(texts), settings(150, 9));
        MetricsResult again = SampleMetrics.compute(texts, fakeIds(texts), settings(150, 9));
        MetricsResult otherSeed = SampleMetrics.compute(texts, fakeIds(texts), settings(150, 10));
        assertEquals(first, again);
        assertNotEquals(first.get("self_bleu"), otherSeed.get("self_bleu"));
        for (Map.Entry<String, Estimate> e : first.metrics().entrySet()) {
            Estimate estimate = e.getValue();
            assertTrue(estimate.contains(estimate.value()), e.getKey() + ": " + estimate);
            assertTrue(estimate.width() > 0, e.getKey() + " should vary over resamples: " + estimate);
        }
    }

    @Test
    void intervalsShrinkWithMoreSamples() {
        ZipfTextGenerator generator = new ZipfTextGenerator(1000, 1.5, 6);
        List<String> few = generator.texts(40, 20, 60);
        List<String> many = generator.texts(640, 20, 60);
        MetricsResult small = SampleMetrics.compute(few, fakeIds(few), settings(200, 1));
        MetricsResult large = SampleMetrics.compute(many, fakeIds(many), settings(200, 1));
        for (String name : small.metrics().keySet()) {
            if (name.equals("vocabulary")) {
                continue; // a count, not a rate: it grows with the number of samples, and so does its spread
            }
            assertTrue(large.get(name).width() < small.get(name).width(),
                    name + ": 640 samples " + large.get(name) + " vs 40 samples " + small.get(name));
        }
    }

    @Test
    void rejectsNoResamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 0, 1));
        assertTrue(e.getMessage().contains("evaluate.bootstrap"), e.getMessage());
    }

    private static MetricsSettings settings(int resamples, long seed) {
        return new MetricsSettings(seed, resamples, Smoothing.METHOD1);
    }

    /** Token ids standing in for a model's: one id per character, so they differ from the words. */
    static int[][] fakeIds(List<String> texts) {
        return texts.stream().map(t -> t.chars().toArray()).toArray(int[][]::new);
    }
}
