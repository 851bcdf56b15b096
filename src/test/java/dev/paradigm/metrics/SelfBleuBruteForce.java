package dev.paradigm.metrics;

import dev.paradigm.config.Smoothing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Self-BLEU the slow, obvious way: a line-by-line port of NLTK's {@code sentence_bleu} (its
 * {@code modified_precision} and {@code closest_ref_length}) run for every sample against all others.
 * O(N² · length); it exists so tests can hold {@link SelfBleu} to it.
 */
public final class SelfBleuBruteForce {
    private SelfBleuBruteForce() {}

    public static double[] scores(TokenCorpus corpus, Smoothing smoothing) {
        SelfBleu.requireReferences(corpus.size());
        return scores(corpus, h -> IntStream.range(0, corpus.size()).filter(r -> r != h).boxed().toList(), smoothing);
    }

    /**
     * Each sample scored against the samples {@code referencesOf} names for it (indices into the corpus); a sample
     * with no references scores 0 (no n-gram can match).
     */
    public static double[] scores(TokenCorpus corpus, IntFunction<List<Integer>> referencesOf, Smoothing smoothing) {
        int n = corpus.size();
        // Each sample's n-gram counts, made once (NLTK remakes them for every pair; the numbers are the same).
        List<List<Map<List<Integer>, Integer>>> counts = new ArrayList<>();
        int[] lengths = new int[n];
        for (int s = 0; s < n; s++) {
            List<Integer> tokens = new ArrayList<>();
            for (int p = 0; p < corpus.length(s); p++) {
                tokens.add(corpus.token(s, p));
            }
            List<Map<List<Integer>, Integer>> byOrder = new ArrayList<>();
            for (int order = 1; order <= BleuFormula.ORDERS; order++) {
                byOrder.add(ngramCounts(tokens, order));
            }
            counts.add(byOrder);
            lengths[s] = tokens.size();
        }
        double[] scores = new double[n];
        for (int h = 0; h < n; h++) {
            scores[h] = sentenceBleu(counts, lengths, referencesOf.apply(h), h, smoothing);
        }
        return scores;
    }

    /** NLTK's {@code sentence_bleu(references, hypothesis)} with its {@code modified_precision}. */
    private static double sentenceBleu(List<List<Map<List<Integer>, Integer>>> counts, int[] lengths,
                                       List<Integer> references, int hypothesis, Smoothing smoothing) {
        int[] matches = new int[BleuFormula.ORDERS];
        int[] hypothesisNgrams = new int[BleuFormula.ORDERS];
        for (int n = 1; n <= BleuFormula.ORDERS; n++) {
            Map<List<Integer>, Integer> hypothesisCounts = counts.get(hypothesis).get(n - 1);
            Map<List<Integer>, Integer> maxCounts = new HashMap<>();
            for (int reference : references) {
                Map<List<Integer>, Integer> referenceCounts = counts.get(reference).get(n - 1);
                for (List<Integer> ngram : hypothesisCounts.keySet()) {
                    maxCounts.merge(ngram, referenceCounts.getOrDefault(ngram, 0), Math::max);
                }
            }
            for (Map.Entry<List<Integer>, Integer> entry : hypothesisCounts.entrySet()) {
                matches[n - 1] += Math.min(entry.getValue(), maxCounts.getOrDefault(entry.getKey(), 0));
                hypothesisNgrams[n - 1] += entry.getValue();
            }
        }
        List<Integer> referenceLengths = new ArrayList<>();
        for (int reference : references) {
            referenceLengths.add(lengths[reference]);
        }
        return BleuFormula.sentenceBleu(matches, hypothesisNgrams, lengths[hypothesis],
                closestReferenceLength(referenceLengths, lengths[hypothesis]), smoothing);
    }

    /** NLTK: {@code min(ref_lens, key=lambda r: (abs(r - hyp_len), r))}. */
    static int closestReferenceLength(List<Integer> referenceLengths, int hypothesisLength) {
        int best = -1;
        for (int r : referenceLengths) {
            if (best < 0 || Math.abs(r - hypothesisLength) < Math.abs(best - hypothesisLength)
                    || (Math.abs(r - hypothesisLength) == Math.abs(best - hypothesisLength) && r < best)) {
                best = r;
            }
        }
        return best;
    }

    static Map<List<Integer>, Integer> ngramCounts(List<Integer> tokens, int n) {
        Map<List<Integer>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }
}
