package dev.paradigm.memorization;

import dev.paradigm.data.Subset;
import dev.paradigm.data.TokenStore;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The baseline for memorization: pieces of validation text shaped like samples. Validation text was never trained
 * on, so its overlap with the training tokens is what a model that does not memorize would show (stock phrases
 * such as "Once upon a time" occur in both); a paradigm copies more than it should when its samples exceed this.
 *
 * <p>A sample is what the model generated after its prompt, up to the end-of-story token (excluded) or the
 * sampling length. The matching validation piece, when stories are separated by that token, is the start of a
 * validation story: the tokens after an end-of-story token up to the next one (excluded), at most
 * {@code maxLength}. Only pieces inside one chunk are taken, because neighbouring validation chunks need not be
 * neighbours in the corpus (random split): a story cut short by its chunk's end is not used, one that reaches
 * {@code maxLength} inside its chunk is. Without separators a piece is any {@code maxLength} tokens of one chunk.
 */
public final class HeldOutText {
    private HeldOutText() {}

    /**
     * Up to {@code count} distinct validation pieces of at most {@code maxLength} tokens, drawn with {@code seed}
     * (fewer when the validation split holds fewer).
     */
    public static int[][] pieces(TokenStore store, int count, int maxLength, long seed) {
        if (count < 0 || maxLength < 1) {
            throw new IllegalArgumentException("Expected a count of at least 0 and a length of at least 1; found " + count
                    + " pieces of " + maxLength + " tokens.");
        }
        boolean stories = "eos".equals(store.manifest().separator());
        int eos = store.eosId();
        int seqLen = store.seqLen();
        long[] starts = new long[16];
        int found = 0;
        for (int c = 0; c < store.valChunks(); c++) {
            int[] chunk = store.chunk(Subset.VAL, c);
            for (int p = 0; p < seqLen; p++) {
                if (stories ? isStoryStart(chunk, p, eos, maxLength) : p + Math.min(maxLength, seqLen) <= seqLen) {
                    if (found == starts.length) {
                        starts = Arrays.copyOf(starts, 2 * found);
                    }
                    starts[found++] = (long) c * seqLen + p;
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        int taken = Math.min(count, found);
        int[][] pieces = new int[taken][];
        for (int i = 0; i < taken; i++) { // a partial Fisher–Yates shuffle: distinct starts, uniformly
            int j = i + random.nextInt(found - i);
            long start = starts[j];
            starts[j] = starts[i];
            int[] chunk = store.chunk(Subset.VAL, (int) (start / seqLen));
            int from = (int) (start % seqLen);
            int to = Math.min(seqLen, from + maxLength);
            if (stories) {
                for (int k = from; k < to; k++) {
                    if (chunk[k] == eos) {
                        to = k;
                    }
                }
            }
            pieces[i] = Arrays.copyOfRange(chunk, from, to);
        }
        return pieces;
    }

    /** A story starts at p after an end-of-story token, and either ends in this chunk or runs on for maxLength tokens. */
    private static boolean isStoryStart(int[] chunk, int p, int eos, int maxLength) {
        if (p == 0 || chunk[p - 1] != eos || chunk[p] == eos) {
            return false;
        }
        for (int k = p + 1; k < chunk.length && k < p + maxLength; k++) {
            if (chunk[k] == eos) {
                return true;
            }
        }
        return p + maxLength <= chunk.length;
    }
}
