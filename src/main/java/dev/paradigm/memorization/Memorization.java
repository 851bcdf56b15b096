package dev.paradigm.memorization;

import dev.paradigm.metrics.Bootstrap;
import dev.paradigm.metrics.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of a set of token sequences (one paradigm's samples, or the held-out baseline) is copied from the
 * training tokens, with 95% bootstrap intervals over the sequences.
 *
 * <p>The copied share of order n is pooled: copied n-grams over all n-grams of all sequences (a ratio of sums,
 * so a long sample weighs by its n-grams, and a sample shorter than n adds nothing). The longest copied span is
 * a mean over sequences of each one's longest span, with a plain percentile interval; the single longest span and
 * where it came from are reported without one (a bootstrap says nothing reliable about a maximum).
 */
public final class Memorization {
    /** The orders the study reports: 8 tokens is a phrase, 32 a sentence or two. */
    public static final List<Integer> ORDERS = List.of(8, 16, 32);

    private Memorization() {}

    /** Measures every sequence against {@code index} and summarises with {@code bootstrap} (one draw per sequence). */
    public static MemorizationResult measure(TrainIndex index, int[][] sequences, List<Integer> orders, Bootstrap bootstrap) {
        int[] n = requireOrders(orders);
        if (bootstrap.samples() != sequences.length) {
            throw new IllegalArgumentException("The bootstrap draws " + bootstrap.samples() + " samples but "
                    + sequences.length + " sequences were given.");
        }
        List<SampleOverlap> overlaps = new ArrayList<>(sequences.length);
        for (int[] sequence : sequences) {
            overlaps.add(SampleOverlap.measure(index, sequence, n));
        }
        return summarise(overlaps, n, bootstrap);
    }

    static MemorizationResult summarise(List<SampleOverlap> overlaps, int[] orders, Bootstrap bootstrap) {
        Map<Integer, Estimate> shares = new LinkedHashMap<>();
        for (int o = 0; o < orders.length; o++) {
            int order = o;
            shares.put(orders[o], bootstrap.ofPooled(times -> copiedShare(overlaps, order, times)).clampedTo(0, 1));
        }
        double[] longest = new double[overlaps.size()];
        int longestSample = -1;
        for (int s = 0; s < longest.length; s++) {
            longest[s] = overlaps.get(s).longestSpan();
            if (longestSample < 0 || longest[s] > longest[longestSample]) {
                longestSample = s;
            }
        }
        SampleOverlap top = overlaps.get(longestSample);
        return new MemorizationResult(overlaps.size(), shares, bootstrap.ofMean(longest), top.longestSpan(), longestSample,
                top.spanStart(), top.trainPosition());
    }

    /**
     * Copied over all n-grams of order {@code orders[o]}, each sequence counted as often as it was drawn; 0 when the
     * drawn sequences hold no n-gram of that order (all shorter than n).
     */
    private static double copiedShare(List<SampleOverlap> overlaps, int o, int[] timesDrawn) {
        long copied = 0;
        long total = 0;
        for (int s = 0; s < timesDrawn.length; s++) {
            copied += (long) timesDrawn[s] * overlaps.get(s).copied()[o];
            total += (long) timesDrawn[s] * overlaps.get(s).ngrams()[o];
        }
        return total == 0 ? 0.0 : (double) copied / total;
    }

    private static int[] requireOrders(List<Integer> orders) {
        if (orders.isEmpty() || orders.stream().anyMatch(n -> n == null || n < 1)) {
            throw new IllegalArgumentException("evaluate.memorization.orders must list n-gram lengths of at least 1; found "
                    + orders + ".");
        }
        int[] n = orders.stream().mapToInt(Integer::intValue).toArray();
        if (Arrays.stream(n).distinct().count() != n.length) {
            throw new IllegalArgumentException("evaluate.memorization.orders lists an n-gram length twice: " + orders + ".");
        }
        return n;
    }
}
