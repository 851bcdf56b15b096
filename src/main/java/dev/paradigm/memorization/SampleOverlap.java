package dev.paradigm.memorization;

/**
 * How much of one token sequence occurs verbatim in the training tokens.
 *
 * @param length        tokens in the sequence
 * @param orders        the n-gram orders counted, e.g. 8, 16, 32
 * @param ngrams        for each order, the sequence's n-grams ({@code max(0, length - n + 1)})
 * @param copied        for each order, how many of them occur in the training tokens
 * @param longestSpan   the longest stretch of the sequence that occurs in the training tokens (0 when none does)
 * @param spanStart     where that stretch starts in the sequence (-1 when there is none)
 * @param trainPosition where it occurs in the training split, as a token index (-1 when there is none)
 */
public record SampleOverlap(int length, int[] orders, int[] ngrams, int[] copied, int longestSpan, int spanStart,
        long trainPosition) {

    /** Measures {@code sample} against the training tokens, counting n-grams of each of {@code orders}. */
    public static SampleOverlap measure(TrainIndex index, int[] sample, int[] orders) {
        int length = sample.length;
        int[] matchLengths = new int[length]; // [i]: the longest prefix of sample[i..] found in the training tokens
        TrainIndex.Match longest = new TrainIndex.Match(0, -1);
        int start = -1;
        for (int i = 0; i < length; i++) {
            TrainIndex.Match match = index.longestMatch(sample, i, length);
            matchLengths[i] = match.length();
            if (match.length() > longest.length()) {
                longest = match;
                start = i;
            }
        }
        int[] ngrams = new int[orders.length];
        int[] copied = new int[orders.length];
        for (int o = 0; o < orders.length; o++) {
            int n = orders[o];
            ngrams[o] = Math.max(0, length - n + 1);
            for (int i = 0; i < ngrams[o]; i++) {
                if (matchLengths[i] >= n) { // the n-gram at i is a prefix of a match starting at i
                    copied[o]++;
                }
            }
        }
        return new SampleOverlap(length, orders.clone(), ngrams, copied, longest.length(), start, longest.trainPosition());
    }
}
