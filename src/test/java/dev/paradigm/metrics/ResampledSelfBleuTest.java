package dev.paradigm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.Smoothing;
import dev.paradigm.bench.ZipfTextGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Self-BLEU recomputed on resamples: exact on the identity resample, and copies never reference each other. */
class ResampledSelfBleuTest {

    private static int[] ones(int n) {
        int[] w = new int[n];
        Arrays.fill(w, 1);
        return w;
    }

    /** Materialises the resample (each sample repeated as drawn) and scores every copy the slow way. */
    private static double bruteForce(TokenCorpus corpus, int[] timesDrawn, Smoothing smoothing) {
        List<int[]> copies = new ArrayList<>();
        List<Integer> originals = new ArrayList<>();
        for (int s = 0; s < timesDrawn.length; s++) {
            int[] tokens = new int[corpus.length(s)];
            for (int p = 0; p < tokens.length; p++) {
                tokens[p] = corpus.token(s, p);
            }
            for (int t = 0; t < timesDrawn[s]; t++) {
                copies.add(tokens);
                originals.add(s);
            }
        }
        double[] scores = SelfBleuBruteForce.scores(TokenCorpus.ofIds(copies.toArray(int[][]::new)),
                h -> {
                    List<Integer> references = new ArrayList<>();
                    for (int r = 0; r < copies.size(); r++) {
                        if (!originals.get(r).equals(originals.get(h))) {
                            references.add(r);
                        }
                    }
                    return references;
                }, smoothing);
        return Arrays.stream(scores).sum() / scores.length;
    }

    @Test
    void everySampleDrawnOnceIsSelfBleuToTheLastBit() {
        List<String> texts = new ZipfTextGenerator(40, 1.0, 7).texts(300, 0, 18);
        TokenCorpus corpus = TokenCorpus.ofWords(texts);
        for (Smoothing smoothing : Smoothing.values()) {
            assertEquals(SelfBleu.mean(corpus, smoothing), new ResampledSelfBleu(corpus, smoothing).of(ones(300)), 0.0,
                    "smoothing " + smoothing);
        }
    }

    @Test
    void duplicatesAreNotEachOthersReferencesAsInTheMaterialisedResample() {
        // Short texts from a small vocabulary (shared n-grams, ties at the top count, empty samples); draws of 0 to 3.
        List<String> texts = new ZipfTextGenerator(30, 1.0, 3).texts(40, 0, 15);
        TokenCorpus corpus = TokenCorpus.ofWords(texts);
        SplittableRandom random = new SplittableRandom(9);
        for (Smoothing smoothing : Smoothing.values()) {
            ResampledSelfBleu resampled = new ResampledSelfBleu(corpus, smoothing);
            for (int trial = 0; trial < 30; trial++) {
                int[] w = new int[texts.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = random.nextInt(4);
                }
                assertEquals(bruteForce(corpus, w, smoothing), resampled.of(w), 1e-12, smoothing + " trial " + trial);
            }
        }
    }

    @Test
    void aDuplicatedSampleDoesNotMatchItself() {
        // "p q r s" drawn twice, "x y" once: were the copies references for each other, they would score 1 each.
        TokenCorpus corpus = TokenCorpus.ofWords(List.of("p q r s", "x y", "a b c d"));
        ResampledSelfBleu resampled = new ResampledSelfBleu(corpus, Smoothing.METHOD1);
        assertEquals(0.0, resampled.of(new int[] {2, 1, 0}), 0.0); // no word shared between different samples
        assertEquals(0.0, resampled.of(new int[] {3, 0, 0}), 0.0); // one distinct sample: no references at all
        assertEquals(bruteForce(corpus, new int[] {2, 1, 0}, Smoothing.METHOD1), 0.0, 0.0);
        assertThrows(IllegalArgumentException.class, () -> resampled.of(new int[] {1, 1}));
    }

    @Test
    void theBootstrapIntervalCoversThePointAndMovesWithTheSeed() {
        List<String> texts = new ZipfTextGenerator(1000, 1.5, 5).texts(150, 20, 60);
        TokenCorpus corpus = TokenCorpus.ofWords(texts);
        ResampledSelfBleu statistic = new ResampledSelfBleu(corpus, Smoothing.METHOD1);
        Estimate estimate = new Bootstrap(150, 300, 1).ofPooled(statistic);
        assertEquals(SelfBleu.mean(corpus, Smoothing.METHOD1), estimate.value(), 0.0);
        assertTrue(estimate.contains(estimate.value()) && estimate.width() > 0, estimate.toString());
        assertNotEquals(estimate, new Bootstrap(150, 300, 2).ofPooled(statistic));
        // Resamples hold fewer distinct references, so without the shift their values would sit below the point.
        double meanResampled = 0;
        SplittableRandom random = new SplittableRandom(1);
        for (int b = 0; b < 50; b++) {
            int[] w = new int[150];
            for (int i = 0; i < 150; i++) {
                w[random.nextInt(150)]++;
            }
            meanResampled += statistic.of(w) / 50;
        }
        assertTrue(meanResampled < estimate.value(), meanResampled + " vs " + estimate.value());
    }
}
