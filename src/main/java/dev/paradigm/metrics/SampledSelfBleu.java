package dev.paradigm.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
        SelfBleu.requireReferences(corpus.size());
        NgramIndex index = NgramIndex.build(corpus, BleuFormula.ORDERS);
        Random random = new Random(seed);
        int n = corpus.size();
        int[] candidates = drawDistinct(random, identity(n), Math.min(CANDIDATES, n));
        double[] scores = new double[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            int candidate = candidates[c];
            int[] others = othersThan(candidate, n);
            int[] references = drawDistinct(random, others, Math.min(REFERENCES, others.length));
            scores[c] = score(index, corpus, candidate, references);
        }
        return scores;
    }

    static double score(NgramIndex index, TokenCorpus corpus, int candidate, int[] references) {
        double logSum = 0.0;
        for (int order = 1; order <= BleuFormula.ORDERS; order++) {
            Map<Integer, Integer> counts = counts(index.ids(order, candidate));
            Map<Integer, Integer> best = new HashMap<>();
            for (int reference : references) {
                for (Map.Entry<Integer, Integer> e : counts(index.ids(order, reference)).entrySet()) {
                    if (counts.containsKey(e.getKey())) {
                        best.merge(e.getKey(), e.getValue(), Math::max);
                    }
                }
            }
            int matches = 0;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                matches += Math.min(e.getValue(), best.getOrDefault(e.getKey(), 0));
            }
            if (matches == 0) {
                return 0.0;
            }
            logSum += Math.log((double) matches / index.ids(order, candidate).length);
        }
        double averageReferenceLength = 0.0;
        for (int reference : references) {
            averageReferenceLength += corpus.length(reference);
        }
        averageReferenceLength /= references.length;
        return BleuFormula.brevityPenalty(averageReferenceLength, corpus.length(candidate))
                * Math.exp(logSum / BleuFormula.ORDERS);
    }

    private static Map<Integer, Integer> counts(int[] ids) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int id : ids) {
            counts.merge(id, 1, Integer::sum);
        }
        return counts;
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
