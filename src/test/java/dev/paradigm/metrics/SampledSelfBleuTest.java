package dev.paradigm.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paradigm.bench.ZipfTextGenerator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampledSelfBleuTest {
    @Test
    void handWorkedScoresUseTheAverageReferenceLength() {
        /*
         * With 3 samples every sample is a candidate and the 2 others are its references, whatever the draws.
         * S1 = S2 = "a b c d", S3 = "a b c d x y z w".
         * S1 against {S2, S3}: all precisions 1; average reference length (4 + 8) / 2 = 6 > 4, so
         *   BP = exp(1 - 6/4) = exp(-0.5) = 0.6065306597126334 (NLTK's closest length, 4, would give 1).
         * S3 against {S1, S2}: unigrams 4/8, bigrams ab,bc,cd 3/7, trigrams abc,bcd 2/6, 4-gram abcd 1/5;
         *   average reference length 4 < 8, BP = 1; score = (1/2 * 3/7 * 1/3 * 1/5)^(1/4) = 0.345720784641941.
         */
        TokenCorpus corpus = TokenCorpus.ofWords(List.of("a b c d", "a b c d", "a b c d x y z w"));
        double[] scores = SampledSelfBleu.scores(corpus, 1);
        Arrays.sort(scores);
        assertArrayEquals(new double[] {0.345720784641941, 0.6065306597126334, 0.6065306597126334}, scores, 1e-15);
    }

    @Test
    void anyMissingOrderScoresZeroWithoutSmoothing() {
        // "a b" against "a b": p1 = p2 = 1 but there is no trigram, so the geometric mean is 0.
        assertArrayEquals(new double[] {0.0, 0.0}, SampledSelfBleu.scores(TokenCorpus.ofWords(List.of("a b", "a b")), 3), 0.0);
    }

    @Test
    void drawsAreSeeded() {
        TokenCorpus corpus = TokenCorpus.ofWords(new ZipfTextGenerator(50, 1.0, 11).texts(400, 5, 15));
        double[] first = SampledSelfBleu.scores(corpus, 42);
        assertEquals(SampledSelfBleu.CANDIDATES, first.length);
        assertArrayEquals(first, SampledSelfBleu.scores(corpus, 42), 0.0);
        assertFalse(Arrays.equals(first, SampledSelfBleu.scores(corpus, 43)), "another seed should draw differently");
    }
}
