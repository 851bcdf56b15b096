package dev.paradigm.memorization;

import java.util.Arrays;

/**
 * The suffix array of an int text by induced sorting (SA-IS: Nong, Zhang and Chan, "Linear suffix array
 * construction by almost pure induced-sorting", 2009): linear time, and little memory beyond the array itself.
 *
 * <p>Memory, which {@link TrainIndex#estimateBytes} promises to bound: the output (4 bytes a token), one bit a
 * token for the suffix types, and one bucket array of the alphabet's size. The reduced problem of each recursion
 * lives inside the output array (its text in the top {@code m} slots, its suffix array in the bottom {@code m};
 * {@code m ≤ n/2}); its bucket array goes into the unused middle when it fits there, which it does for text
 * (LMS positions are local minima, about a third of them), and is allocated otherwise (at most {@code n/2} ints,
 * the case the estimate's worst-case term covers).
 *
 * <p>No sentinel is stored: the text is read as if a unique smallest symbol followed it, which makes the last
 * suffix L-type and seeds the L-type pass.
 */
final class SuffixArray {
    private static final int EMPTY = -1;

    private SuffixArray() {}

    /** The start positions of all suffixes of {@code text} (symbols in [0, alphabet)) in lexicographic order. */
    static int[] of(int[] text, int alphabet) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] < 0 || text[i] >= alphabet) {
                throw new IllegalArgumentException("Token " + text[i] + " at position " + i + " is outside the vocabulary [0, "
                        + alphabet + ").");
            }
        }
        int[] sa = new int[text.length];
        sort(text, 0, sa, text.length, alphabet, 0, 0);
        return sa;
    }

    /**
     * Sorts the suffixes of {@code t[off, off + n)} into {@code sa[0, n)}. {@code sa[scratch, scratch + scratchLength)}
     * is free space that this level may use for its buckets (it lies outside {@code [0, n)} and the text).
     */
    private static void sort(int[] t, int off, int[] sa, int n, int k, int scratch, int scratchLength) {
        if (n == 0) {
            return;
        }
        if (n == 1) {
            sa[0] = 0;
            return;
        }
        long[] sType = types(t, off, n);
        int[] bucket;
        int b;
        if (k <= scratchLength) {
            bucket = sa;
            b = scratch;
        } else {
            bucket = new int[k];
            b = 0;
        }

        // Stage 1: sort the LMS substrings by inducing from the LMS positions put at their buckets' ends.
        Arrays.fill(sa, 0, n, EMPTY);
        bucketBounds(t, off, n, k, bucket, b, true);
        for (int i = n - 1; i >= 1; i--) {
            if (isLms(sType, i)) {
                sa[--bucket[b + t[off + i]]] = i;
            }
        }
        induce(t, off, sa, n, k, bucket, b, sType);

        // Compact the sorted LMS positions into sa[0, m) and name each LMS substring by its rank, equal ones alike.
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (isLms(sType, sa[i])) {
                sa[m++] = sa[i];
            }
        }
        Arrays.fill(sa, m, n, EMPTY);
        int names = 0;
        int previous = -1;
        for (int i = 0; i < m; i++) {
            int p = sa[i];
            if (previous < 0 || !equalLmsSubstrings(t, off, n, sType, previous, p)) {
                names++;
            }
            previous = p;
            sa[m + (p >>> 1)] = names - 1; // LMS positions are at least 2 apart, so p/2 is a free, unique slot
        }
        for (int i = n - 1, j = n - 1; i >= m; i--) { // the names in text order into sa[n - m, n): the reduced text
            if (sa[i] != EMPTY) {
                sa[j--] = sa[i];
            }
        }

        // Sort the reduced text: directly when every name is unique, else recursively.
        int reduced = n - m;
        if (names < m) {
            bucket = null; // let the recursion have the memory
            sort(sa, reduced, sa, m, names, m, reduced - m);
        } else {
            for (int i = 0; i < m; i++) {
                sa[sa[reduced + i]] = i;
            }
        }

        // Stage 2: from the sorted LMS suffixes, induce all suffixes.
        for (int i = 1, j = reduced; i < n; i++) { // the LMS positions in text order, over the reduced text
            if (isLms(sType, i)) {
                sa[j++] = i;
            }
        }
        for (int i = 0; i < m; i++) {
            sa[i] = sa[reduced + sa[i]];
        }
        Arrays.fill(sa, m, n, EMPTY);
        if (bucket == null) {
            if (k <= scratchLength) {
                bucket = sa;
            } else {
                bucket = new int[k];
                b = 0;
            }
        }
        bucketBounds(t, off, n, k, bucket, b, true);
        for (int i = m - 1; i >= 0; i--) { // each goes to or beyond its own slot, so none is overwritten unread
            int p = sa[i];
            sa[i] = EMPTY;
            sa[--bucket[b + t[off + p]]] = p;
        }
        induce(t, off, sa, n, k, bucket, b, sType);
    }

    /** L-type suffixes left to right from the bucket heads, then S-type right to left from the bucket tails. */
    private static void induce(int[] t, int off, int[] sa, int n, int k, int[] bucket, int b, long[] sType) {
        bucketBounds(t, off, n, k, bucket, b, false);
        sa[bucket[b + t[off + n - 1]]++] = n - 1; // induced by the virtual sentinel, the smallest suffix
        for (int i = 0; i < n; i++) {
            int j = sa[i] - 1;
            if (j >= 0 && !isS(sType, j)) {
                sa[bucket[b + t[off + j]]++] = j;
            }
        }
        bucketBounds(t, off, n, k, bucket, b, true);
        for (int i = n - 1; i >= 0; i--) {
            int j = sa[i] - 1;
            if (j >= 0 && isS(sType, j)) {
                sa[--bucket[b + t[off + j]]] = j;
            }
        }
    }

    /** Each symbol's bucket start (or end, exclusive) in {@code bucket[b, b + k)}, counted afresh from the text. */
    private static void bucketBounds(int[] t, int off, int n, int k, int[] bucket, int b, boolean ends) {
        Arrays.fill(bucket, b, b + k, 0);
        for (int i = 0; i < n; i++) {
            bucket[b + t[off + i]]++;
        }
        int sum = 0;
        for (int c = 0; c < k; c++) {
            sum += bucket[b + c];
            bucket[b + c] = ends ? sum : sum - bucket[b + c];
        }
    }

    /** Suffix i is S-type when it is smaller than suffix i + 1; the last is L-type (the virtual sentinel is smaller). */
    private static long[] types(int[] t, int off, int n) {
        long[] s = new long[(n + 63) >>> 6];
        boolean next = false;
        for (int i = n - 2; i >= 0; i--) {
            int here = t[off + i];
            int after = t[off + i + 1];
            next = here < after || (here == after && next);
            if (next) {
                s[i >>> 6] |= 1L << i;
            }
        }
        return s;
    }

    private static boolean isS(long[] sType, int i) {
        return (sType[i >>> 6] & (1L << i)) != 0;
    }

    /** A leftmost S-type position: S-type with an L-type left neighbour. */
    private static boolean isLms(long[] sType, int i) {
        return i > 0 && isS(sType, i) && !isS(sType, i - 1);
    }

    /** Whether the LMS substrings at a and b (up to and including the next LMS position) are equal in symbols and types. */
    private static boolean equalLmsSubstrings(int[] t, int off, int n, long[] sType, int a, int b) {
        for (int d = 0; ; d++) {
            if (a + d == n || b + d == n) {
                return false; // one reaches the unique sentinel, the other does not
            }
            if (t[off + a + d] != t[off + b + d] || isS(sType, a + d) != isS(sType, b + d)) {
                return false;
            }
            if (d > 0 && isLms(sType, a + d)) {
                return true; // equal types so far, so b + d is LMS too
            }
        }
    }
}
