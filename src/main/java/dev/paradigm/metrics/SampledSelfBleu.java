package dev.paradigm.metrics;

import java.util.Arrays;
import java.util.Random;

/**
 * The published study's Self-BLEU, kept to reproduce its numbers: 200 candidates drawn from the samples,
 * each scored against 50 references drawn from the other samples (fewer when there are not enough).
 *
 * <p>Its choices differ from {@link SelfBleu} (NLTK) on purpose, because they are the paper's:
 * <ul>
 *   <li>no smoothing, and a true geometric mean: a precision with no match (including an order longer than
 *       the candidate) makes the score exactly 0;</li>
 *   <li>the brevity penalty uses the AVERAGE reference length, not the closest one.</li>
 * </ul>
 * Precisions are clipped by the largest count of the n-gram in any one reference, as in BLEU. The draws use
 * {@link java.util.Random}, whose algorithm Java specifies, so a seed gives the same draws on every JVM.
 */
public final class SampledSelfBleu {
    public static final int CANDIDATES = 200;
    public static final int REFERENCES = 50;

    private SampledSelfBleu() {}

    /** The score of each drawn candidate (in order of drawing); Self-BLEU is their mean. */
    public static double[] scores(TokenCorpus corpus, long seed) {
        return scores(corpus, NgramIndex.build(corpus, BleuFormula.ORDERS), seed);
    }

    /** As {@link #scores(TokenCorpus, long)}, reusing an index of at least 4-grams built from {@code corpus}. */
    static double[] scores(TokenCorpus corpus, NgramIndex index, long seed) {
        SelfBleu.requireReferences(corpus.size());
        Random random = new Random(seed);
        int n = corpus.size();
        int[] candidates = drawDistinct(random, identity(n), Math.min(CANDIDATES, n));
        int[][] references = new int[candidates.length][];
        for (int c = 0; c < candidates.length; c++) {
            int[] others = othersThan(candidates[c], n);
            references[c] = drawDistinct(random, others, Math.min(REFERENCES, others.length));
        }
        double[] logPrecisionSums = new double[candidates.length];
        boolean[] anyOrderUnmatched = new boolean[candidates.length];
        for (int order = 1; order <= BleuFormula.ORDERS; order++) {
            ClippedCounter counter = new ClippedCounter(index.distinctCount(order));
            for (int c = 0; c < candidates.length; c++) {
                int[] candidate = index.ids(order, candidates[c]);
                int matches = counter.matches(index, order, candidate, references[c]);
                if (matches == 0) {
                    anyOrderUnmatched[c] = true;
                } else {
                    logPrecisionSums[c] += Math.log((double) matches / candidate.length);
                }
            }
        }
        double[] scores = new double[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            if (!anyOrderUnmatched[c]) {
                double averageReferenceLength = 0.0;
                for (int reference : references[c]) {
                    averageReferenceLength += corpus.length(reference);
                }
                averageReferenceLength /= references[c].length;
                scores[c] = BleuFormula.brevityPenalty(averageReferenceLength, corpus.length(candidates[c]))
                        * Math.exp(logPrecisionSums[c] / BleuFormula.ORDERS);
            }
        }
        return scores;
    }

    /** BLEU's clipped matches of one candidate against its references, with scratch arrays reused across calls. */
    private static final class ClippedCounter {
        private final int[] candidateCount;
        private final int[] referenceCount;
        private final int[] bestReferenceCount;

        ClippedCounter(int kinds) {
            candidateCount = new int[kinds];
            referenceCount = new int[kinds];
            bestReferenceCount = new int[kinds];
        }

        int matches(NgramIndex index, int order, int[] candidate, int[] references) {
            for (int id : candidate) {
                candidateCount[id]++;
            }
            for (int reference : references) {
                int[] ids = index.ids(order, reference);
                for (int id : ids) {
                    referenceCount[id]++;
                }
                for (int id : ids) {
                    if (candidateCount[id] > 0) {
                        bestReferenceCount[id] = Math.max(bestReferenceCount[id], referenceCount[id]);
                    }
                }
                for (int id : ids) {
                    referenceCount[id] = 0;
                }
            }
            int matches = 0;
            for (int id : candidate) {
                if (candidateCount[id] > 0) { // first occurrence: count the n-gram once, then clear it
                    matches += Math.min(candidateCount[id], bestReferenceCount[id]);
                    candidateCount[id] = 0;
                    bestReferenceCount[id] = 0;
                }
            }
            return matches;
        }
    }

    private static int[] identity(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }

    private static int[] othersThan(int excluded, int n) {
        int[] values = new int[n - 1];
        for (int i = 0, j = 0; i < n; i++) {
            if (i != excluded) {
                values[j++] = i;
            }
        }
        return values;
    }

    /** The first {@code k} entries of a partial Fisher–Yates shuffle of {@code pool} (which it reorders). */
    private static int[] drawDistinct(Random random, int[] pool, int k) {
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, k);
    }
}
