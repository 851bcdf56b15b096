package dev.paradigm.metrics;

import dev.paradigm.config.Smoothing;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.bench.ZipfTextGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfBleuTest {
    /*
     * S1 = "a b c d", S2 = "a b c e", S3 = "a b".
     * S1 against {S2, S3}: unigrams a,b,c of a,b,c,d match -> 3/4; bigrams ab,bc of ab,bc,cd -> 2/3;
     *   trigrams abc of abc,bcd -> 1/2; 4-gram abcd -> 0/1. Closest reference length to 4 among {4, 2} is 4,
     *   so BP = exp(1 - 4/4) = 1.
     *   method1: p4 = 0.1/1, score = (3/4 * 2/3 * 1/2 * 0.1)^(1/4) = 0.025^(1/4) = 0.3976353643835253
     *   none:    p4 = 2.2250738585072014e-308, score = exp((ln .75 + ln(2/3) + ln .5 + ln 2.225e-308) / 4)
     *            = exp(-709.78271 / 4) = 8.636168555094496e-78 (NLTK's "0" is not quite 0)
     * S2 against {S1, S3}: the mirror image of S1, same scores.
     * S3 = "a b" against {S1, S2}: p1 = 2/2, p2 = 1/1, p3 = p4 = 0/max(1, 0) = 0/1; closest length 4,
     *   BP = exp(1 - 4/2) = exp(-1).
     *   method1: exp(-1) * (1 * 1 * 0.1 * 0.1)^(1/4) = 0.36788 * 0.31623 = 0.11633369384516797
     *   none:    exp(-1) * exp((2 * ln 2.225e-308) / 4) = 5.487540440520353e-155
     */
    private static final List<String> HAND = List.of("a b c d", "A b c e", "a  b");

    @Test
    void handWorkedScoresWithMethod1() {
        double[] expected = {0.3976353643835253, 0.3976353643835253, 0.11633369384516797};
        assertArrayEquals(expected, SelfBleu.scores(TokenCorpus.ofWords(HAND), Smoothing.METHOD1), 1e-15);
        assertEquals((2 * 0.3976353643835253 + 0.11633369384516797) / 3,
                SelfBleu.mean(TokenCorpus.ofWords(HAND), Smoothing.METHOD1), 1e-15);
    }

    @Test
    void handWorkedScoresWithoutSmoothingAreTinyButNotZero() {
        double[] scores = SelfBleu.scores(TokenCorpus.ofWords(HAND), Smoothing.NONE);
        assertEquals(8.636168555094496e-78, scores[0], 1e-12 * 8.636168555094496e-78);
        assertEquals(8.636168555094496e-78, scores[1], 1e-12 * 8.636168555094496e-78);
        assertEquals(5.487540440520353e-155, scores[2], 1e-12 * 5.487540440520353e-155);
    }

    @Test
    void noUnigramMatchScoresZeroEvenWithSmoothing() {
        // "x y" shares no word with the others: NLTK returns 0 before smoothing. The two identical "p q r s" score 1:
        // every precision is 1 and the closest other length (of 2 and 4) is 4, BP = exp(1 - 4/4) = 1.
        double[] scores = SelfBleu.scores(TokenCorpus.ofWords(List.of("x y", "p q r s", "p q r s")), Smoothing.METHOD1);
        assertArrayEquals(new double[] {0.0, 1.0, 1.0}, scores, 0.0);
    }

    @Test
    void closestReferenceLengthTakesTheShorterOnATie() {
        // Hypothesis of length 4 (index 1) with others of lengths 3 and 5: both 1 away, NLTK picks 3.
        TokenCorpus corpus = TokenCorpus.ofIds(new int[][] {{1, 2, 3}, {1, 2, 3, 4}, {1, 2, 3, 4, 5}});
        SelfBleu.ClosestLength lengths = new SelfBleu.ClosestLength(corpus);
        assertEquals(3, lengths.closestOther(4));
        assertEquals(4, lengths.closestOther(3)); // others 4, 5
        assertEquals(4, lengths.closestOther(5)); // others 3, 4
        // A second sample of the same length is the closest: others of length 3 from {3, 3, 7}.
        assertEquals(3, new SelfBleu.ClosestLength(TokenCorpus.ofIds(new int[][] {{1, 1, 1}, {2, 2, 2}, new int[7]}))
                .closestOther(3));
        assertEquals(3, SelfBleuBruteForce.closestReferenceLength(List.of(5, 3), 4));
    }

    @Test
    void exactEqualsBruteForceOnRandomSamples() {
        // Short texts from a small vocabulary: many shared n-grams, repeats inside samples, ties at the top count,
        // lengths under 4 and empty samples; both smoothings. The two must agree to the last bit.
        List<String> texts = new ZipfTextGenerator(40, 1.0, 7).texts(300, 0, 18);
        TokenCorpus corpus = TokenCorpus.ofWords(texts);
        assertTrue(texts.stream().anyMatch(String::isEmpty), "the random samples should include an empty one");
        for (Smoothing smoothing : Smoothing.values()) {
            assertArrayEquals(SelfBleuBruteForce.scores(corpus, smoothing), SelfBleu.scores(corpus, smoothing), 0.0,
                    "smoothing " + smoothing);
        }
        TokenCorpus ids = TokenCorpus.ofIds(new int[][] {{5, 5, 5, 5, 5}, {5, 5, 5}, {5, 5, 5, 5, 5}, {6}, {}});
        for (Smoothing smoothing : Smoothing.values()) {
            assertArrayEquals(SelfBleuBruteForce.scores(ids, smoothing), SelfBleu.scores(ids, smoothing), 0.0);
        }
    }

    @Test
    void needsAtLeastTwoSamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SelfBleu.scores(TokenCorpus.ofWords(List.of("alone")), Smoothing.NONE));
        assertTrue(e.getMessage().contains("at least 2 samples"), e.getMessage());
    }
}
