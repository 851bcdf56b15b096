package dev.paradigm.metrics;

import dev.paradigm.config.Smoothing;
import java.util.Arrays;

/**
 * Self-BLEU over all pairs, exactly: each sample is scored by NLTK's {@code sentence_bleu} with every
 * other sample as a reference, and Self-BLEU is the mean score. Time is linear in the total n-gram count.
 *
 * <p>The all-pairs cost disappears because BLEU only needs two things from the references:
 * <ul>
 *   <li>for each hypothesis n-gram, the largest count it has in any one reference. Over all samples but
 *       the hypothesis, that is the largest count over all samples, unless the hypothesis is the one
 *       sample holding that largest count, in which case it is the second largest (which equals the
 *       largest when two samples share it). So each n-gram keeps its top two counts and who holds the top.</li>
 *   <li>the reference length closest to the hypothesis length (ties to the shorter): a neighbour search in
 *       the sorted list of all lengths with one copy of the hypothesis length taken out.</li>
 * </ul>
 * The test tree's {@code SelfBleuBruteForce} computes the same numbers the slow way; the tests hold the two equal.
 */
public final class SelfBleu {
    private SelfBleu() {}

    /** The mean of {@link #scores}. */
    public static double mean(TokenCorpus corpus, Smoothing smoothing) {
        return Arrays.stream(scores(corpus, smoothing)).average().orElseThrow();
    }

    /** The score of each sample against all the others. */
    public static double[] scores(TokenCorpus corpus, Smoothing smoothing) {
        return scores(corpus, NgramIndex.build(corpus, BleuFormula.ORDERS), smoothing);
    }

    /** As {@link #scores(TokenCorpus, Smoothing)}, reusing an index of at least 4-grams built from {@code corpus}. */
    static double[] scores(TokenCorpus corpus, NgramIndex index, Smoothing smoothing) {
        requireReferences(corpus.size());
        int n = corpus.size();
        int[][] matches = new int[n][BleuFormula.ORDERS];
        for (int order = 1; order <= BleuFormula.ORDERS; order++) {
            countMatches(index, order, matches);
        }
        ClosestLength lengths = new ClosestLength(corpus);
        double[] scores = new double[n];
        for (int s = 0; s < n; s++) {
            int[] hypothesisNgrams = new int[BleuFormula.ORDERS];
            for (int order = 1; order <= BleuFormula.ORDERS; order++) {
                hypothesisNgrams[order - 1] = index.ids(order, s).length;
            }
            int length = corpus.length(s);
            scores[s] = BleuFormula.sentenceBleu(matches[s], hypothesisNgrams, length,
                    lengths.closestOther(length), smoothing);
        }
        return scores;
    }

    static void requireReferences(int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("Self-BLEU needs at least 2 samples (each is scored against the "
                    + "others); found " + samples + ".");
        }
    }

    /** Fills {@code matches[s][order - 1]}: the clipped n-gram matches of each sample against all others. */
    private static void countMatches(NgramIndex index, int order, int[][] matches) {
        int kinds = index.distinctCount(order);
        int[] top = new int[kinds];
        int[] second = new int[kinds];
        int[] topHolder = new int[kinds];
        Arrays.fill(topHolder, -1);
        int[] count = new int[kinds]; // scratch: counts of the current sample, back to zero after each
        for (int s = 0; s < index.samples(); s++) {
            int[] ids = index.ids(order, s);
            for (int id : ids) {
                count[id]++;
            }
            for (int id : ids) {
                int c = count[id];
                if (c == 0) {
                    continue; // this n-gram of the sample was already handled
                }
                if (c > top[id]) {
                    second[id] = top[id];
                    top[id] = c;
                    topHolder[id] = s;
                } else if (c > second[id]) {
                    second[id] = c;
                }
                count[id] = 0;
            }
        }
        for (int s = 0; s < index.samples(); s++) {
            int[] ids = index.ids(order, s);
            for (int id : ids) {
                count[id]++;
            }
            int clipped = 0;
            for (int id : ids) {
                int c = count[id];
                if (c == 0) {
                    continue;
                }
                int bestOtherCount = topHolder[id] == s ? second[id] : top[id];
                clipped += Math.min(c, bestOtherCount);
                count[id] = 0;
            }
            matches[s][order - 1] = clipped;
        }
    }

    /** The closest reference length among all samples but the hypothesis, as NLTK's {@code closest_ref_length}. */
    static final class ClosestLength {
        private final int[] sorted;

        ClosestLength(TokenCorpus corpus) {
            this(lengthsOf(corpus));
        }

        /** Over the given sample lengths (in any order; the array is sorted in place and kept). */
        ClosestLength(int[] lengths) {
            sorted = lengths;
            Arrays.sort(sorted);
        }

        private static int[] lengthsOf(TokenCorpus corpus) {
            int[] lengths = new int[corpus.size()];
            for (int s = 0; s < lengths.length; s++) {
                lengths[s] = corpus.length(s);
            }
            return lengths;
        }

        /** Closest to {@code length} once one sample of that length (the hypothesis) is set aside; ties → shorter. */
        int closestOther(int length) {
            int first = firstIndexAtLeast(length);
            int afterLast = firstIndexAtLeast(length + 1);
            if (afterLast - first >= 2) {
                return length; // another sample has exactly this length
            }
            boolean hasShorter = first > 0;
            boolean hasLonger = afterLast < sorted.length;
            if (!hasLonger) {
                return sorted[first - 1];
            }
            if (!hasShorter) {
                return sorted[afterLast];
            }
            int shorter = sorted[first - 1];
            int longer = sorted[afterLast];
            return length - shorter <= longer - length ? shorter : longer;
        }

        private int firstIndexAtLeast(int value) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
