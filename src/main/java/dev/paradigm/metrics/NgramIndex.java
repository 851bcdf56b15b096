package dev.paradigm.metrics;

/**
 * Every n-gram (orders 1 to {@code maxOrder}) of a corpus replaced by a dense int id, so that counting
 * n-grams is array indexing instead of hashing lists.
 *
 * <p>The id of an n-gram is the id of the pair (id of its first n-1 tokens as an (n-1)-gram, last token),
 * so each order needs one {@code long → int} lookup per position and n-grams of any length stay exact.
 * Equal n-grams get equal ids across all samples.
 */
public final class NgramIndex {
    private final int[][][] ids; // [order - 1][sample][position]
    private final int[] distinct; // [order - 1]: how many different n-grams of that order exist

    private NgramIndex(int[][][] ids, int[] distinct) {
        this.ids = ids;
        this.distinct = distinct;
    }

    public static NgramIndex build(TokenCorpus corpus, int maxOrder) {
        if (maxOrder < 1) {
            throw new IllegalArgumentException("The n-gram order must be at least 1; found " + maxOrder + ".");
        }
        int n = corpus.size();
        int expected = (int) Math.min(Integer.MAX_VALUE / 4, corpus.totalTokens());
        int[][][] ids = new int[maxOrder][n][];
        int[] distinct = new int[maxOrder];
        for (int order = 1; order <= maxOrder; order++) {
            LongIntHashMap map = new LongIntHashMap(expected);
            for (int s = 0; s < n; s++) {
                int count = Math.max(0, corpus.length(s) - order + 1);
                int[] here = new int[count];
                for (int p = 0; p < count; p++) {
                    long prefix = order == 1 ? 0L : ids[order - 2][s][p];
                    int last = order == 1 ? corpus.token(s, p) : ids[0][s][p + order - 1];
                    here[p] = map.idOf((prefix << 32) | (last & 0xFFFFFFFFL));
                }
                ids[order - 1][s] = here;
            }
            distinct[order - 1] = map.size();
        }
        return new NgramIndex(ids, distinct);
    }

    public int samples() {
        return ids[0].length;
    }

    /** The n-gram ids of one sample in order of position (length: sample length - order + 1, at least 0). */
    int[] ids(int order, int sample) { // the array itself, not a copy: callers in this package only read it
        return ids[order - 1][sample];
    }

    /** How many different n-grams of {@code order} the whole corpus holds; ids are below this. */
    public int distinctCount(int order) {
        return distinct[order - 1];
    }
}
