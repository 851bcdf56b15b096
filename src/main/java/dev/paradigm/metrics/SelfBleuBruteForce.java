package dev.paradigm.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Self-BLEU the slow, obvious way: a line-by-line port of NLTK's {@code sentence_bleu} (its
 * {@code modified_precision} and {@code closest_ref_length}) run for every sample against all others.
 * O(N² · length); it exists so tests can hold {@link SelfBleu} to it.
 */
public final class SelfBleuBruteForce {
    private SelfBleuBruteForce() {}

    public static double[] scores(TokenCorpus corpus, Smoothing smoothing) {
        SelfBleu.requireReferences(corpus.size());
        List<List<Integer>> samples = new ArrayList<>();
        for (int s = 0; s < corpus.size(); s++) {
            List<Integer> tokens = new ArrayList<>();
            for (int p = 0; p < corpus.length(s); p++) {
                tokens.add(corpus.token(s, p));
            }
            samples.add(tokens);
        }
        double[] scores = new double[samples.size()];
        for (int h = 0; h < samples.size(); h++) {
            List<List<Integer>> references = new ArrayList<>(samples);
            List<Integer> hypothesis = references.remove(h);
            scores[h] = sentenceBleu(references, hypothesis, smoothing);
        }
        return scores;
    }

    static double sentenceBleu(List<List<Integer>> references, List<Integer> hypothesis, Smoothing smoothing) {
        int[] matches = new int[BleuFormula.ORDERS];
        int[] hypothesisNgrams = new int[BleuFormula.ORDERS];
        for (int n = 1; n <= BleuFormula.ORDERS; n++) {
            Map<List<Integer>, Integer> counts = ngramCounts(hypothesis, n);
            Map<List<Integer>, Integer> maxCounts = new HashMap<>();
            for (List<Integer> reference : references) {
                Map<List<Integer>, Integer> referenceCounts = ngramCounts(reference, n);
                for (List<Integer> ngram : counts.keySet()) {
                    maxCounts.merge(ngram, referenceCounts.getOrDefault(ngram, 0), Math::max);
                }
            }
            for (Map.Entry<List<Integer>, Integer> entry : counts.entrySet()) {
                matches[n - 1] += Math.min(entry.getValue(), maxCounts.get(entry.getKey()));
                hypothesisNgrams[n - 1] += entry.getValue();
            }
        }
        return BleuFormula.sentenceBleu(matches, hypothesisNgrams, hypothesis.size(),
                closestReferenceLength(references, hypothesis.size()), smoothing);
    }

    /** NLTK: {@code min(ref_lens, key=lambda r: (abs(r - hyp_len), r))}. */
    static int closestReferenceLength(List<List<Integer>> references, int hypothesisLength) {
        int best = -1;
        for (List<Integer> reference : references) {
            int r = reference.size();
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
