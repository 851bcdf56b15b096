package dev.paradigm.metrics;

import java.util.Arrays;

/**
 * Distinct-n pooled over all samples: different n-grams / all n-grams, counted over the whole set (not per
 * sample). Also the number of different n-grams itself; for words and n = 1 that is the vocabulary size.
 */
public final class DistinctNgrams implements Bootstrap.PooledStatistic {
    private final NgramIndex index;
    private final int order;
    private final boolean ratio;
    private final int[] lastSeen; // scratch: the call that last counted each n-gram id

    private int call;

    private DistinctNgrams(NgramIndex index, int order, boolean ratio) {
        this.index = index;
        this.order = order;
        this.ratio = ratio;
        this.lastSeen = new int[index.distinctCount(order)];
        Arrays.fill(lastSeen, -1);
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
        call++;
        long different = 0;
        long total = 0;
        for (int s = 0; s < timesDrawn.length; s++) {
            if (timesDrawn[s] == 0) {
                continue;
            }
            int[] ids = index.ids(order, s);
            total += (long) timesDrawn[s] * ids.length;
            for (int id : ids) {
                if (lastSeen[id] != call) {
                    lastSeen[id] = call;
                    different++;
                }
            }
        }
        if (!ratio) {
            return different;
        }
        return total == 0 ? 0.0 : (double) different / total;
    }
}
