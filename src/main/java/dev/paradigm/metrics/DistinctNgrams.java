package dev.paradigm.metrics;

import java.util.Arrays;

/**
 * Distinct-n pooled over all samples: different n-grams / all n-grams, counted over the whole set (not per
 * sample). Also the number of different n-grams itself; for words and n = 1 that is the vocabulary size.
 *
 * <p>The bootstrap asks this a thousand times with different draws, so the work per draw is kept small. An
 * n-gram that only one sample holds (most longer n-grams) is present exactly when that sample is drawn, so
 * each sample keeps how many such n-grams it alone holds. Every other n-gram keeps the list of samples that
 * hold it and is present when any of them was drawn; the search stops at the first drawn holder.
 */
public final class DistinctNgrams implements Bootstrap.PooledStatistic {
    private final int[] ngramCounts; // [sample]: n-grams of this order in the sample
    private final int[] heldAlone; // [sample]: different n-grams that no other sample holds
    private final int[] holderStart; // [n-gram id]: where its holders begin in holders (none if held alone)
    private final int[] holders; // the samples holding each shared n-gram, one entry per (n-gram, sample)
    private final boolean ratio;

    private DistinctNgrams(NgramIndex index, int order, boolean ratio) {
        this.ratio = ratio;
        int samples = index.samples();
        int kinds = index.distinctCount(order);
        ngramCounts = new int[samples];
        int[] lastHolder = new int[kinds];
        Arrays.fill(lastHolder, -1);
        heldAlone = new int[samples];
        int[] holderCount = new int[kinds];
        int[] onlyHolder = new int[kinds];
        for (int s = 0; s < samples; s++) { // first pass: how many samples hold each n-gram, and which
            int[] ids = index.ids(order, s);
            ngramCounts[s] = ids.length;
            for (int id : ids) {
                if (lastHolder[id] != s) {
                    lastHolder[id] = s;
                    holderCount[id]++;
                    onlyHolder[id] = s;
                }
            }
        }
        holderStart = new int[kinds + 1];
        for (int g = 0; g < kinds; g++) {
            if (holderCount[g] == 1) {
                heldAlone[onlyHolder[g]]++;
            }
            holderStart[g + 1] = holderStart[g] + (holderCount[g] > 1 ? holderCount[g] : 0);
        }
        holders = new int[holderStart[kinds]];
        int[] next = holderStart.clone();
        Arrays.fill(lastHolder, -1);
        for (int s = 0; s < samples; s++) { // second pass: the holders of shared n-grams
            for (int id : index.ids(order, s)) {
                if (lastHolder[id] != s && holderCount[id] > 1) {
                    lastHolder[id] = s;
                    holders[next[id]++] = s;
                }
            }
        }
    }

    /** Different n-grams / all n-grams (0 when the samples hold no n-gram of this order). */
    public static DistinctNgrams ratio(NgramIndex index, int order) {
        return new DistinctNgrams(index, order, true);
    }

    /** The number of different n-grams. */
    public static DistinctNgrams count(NgramIndex index, int order) {
        return new DistinctNgrams(index, order, false);
    }

    /** A duplicate draw adds to the total but not to the different n-grams, as when a model repeats itself. */
    @Override
    public double of(int[] timesDrawn) {
        long total = 0;
        long different = 0;
        for (int s = 0; s < timesDrawn.length; s++) {
            total += (long) timesDrawn[s] * ngramCounts[s];
            if (timesDrawn[s] > 0) {
                different += heldAlone[s];
            }
        }
        for (int g = 0; g + 1 < holderStart.length; g++) {
            for (int h = holderStart[g]; h < holderStart[g + 1]; h++) {
                if (timesDrawn[holders[h]] > 0) {
                    different++;
                    break;
                }
            }
        }
        if (!ratio) {
            return different;
        }
        return total == 0 ? 0.0 : (double) different / total;
    }
}
