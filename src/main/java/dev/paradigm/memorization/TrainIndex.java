package dev.paradigm.memorization;

import dev.paradigm.data.Subset;
import dev.paradigm.data.TokenStore;
import java.nio.IntBuffer;

/**
 * Which token sequences occur verbatim in the training tokens: a suffix array over every training chunk.
 *
 * <p>A match never crosses a chunk boundary. The model saw each chunk as one training sequence, and with a random
 * train/validation split two neighbouring training chunks need not be neighbours in the corpus, so a sequence
 * spanning their boundary was never text. The index therefore reads the chunks with a separator symbol (id
 * {@code vocabSize}, which no sample contains) after each one.
 *
 * <p>A query ({@link #longestMatch}) is a binary search over the suffixes that skips the prefix both ends of the
 * interval are known to share with the pattern, so it costs about {@code log2(tokens)} probes plus the length of
 * the match. The longest prefix of a pattern found anywhere in the text is shared with one of the two suffixes
 * next to where the pattern would be inserted in sorted order, so one search gives the exact longest match.
 */
public final class TrainIndex {
    /** Bytes of the JVM's own bookkeeping and of this object beyond its arrays: a margin, not a measurement. */
    private static final long OVERHEAD_BYTES = 1L << 20;

    private final int[] text; // the chunks, each followed by the separator
    private final int[] suffixes;
    private final int seqLen;
    private final long trainTokens;

    private TrainIndex(int[] text, int[] suffixes, int seqLen, long trainTokens) {
        this.text = text;
        this.suffixes = suffixes;
        this.seqLen = seqLen;
        this.trainTokens = trainTokens;
    }

    /**
     * An upper bound on the heap the index needs while it is built, in bytes: the text with its separators and the
     * suffix array (4 bytes a token each, kept after the build), the suffix types (one bit a token, over all
     * recursion levels at most a quarter byte), the first level's buckets (4 bytes a vocabulary entry) and, in
     * the worst case for SA-IS, buckets for a reduced problem that do not fit into the free part of the suffix
     * array (at most 2 bytes a token; text does not need them, see {@link SuffixArray}). Cheap: the config
     * validator calls it before anything is sampled.
     */
    public static long estimateBytes(long trainTokens, int seqLen, int vocabSize) {
        requirePositive(seqLen, "seq_len");
        long length = trainTokens + (trainTokens + seqLen - 1) / seqLen;
        return 4 * length + 4 * length + length / 4 + 4L * (vocabSize + 1) + 2 * length + OVERHEAD_BYTES;
    }

    /**
     * Fails with a message naming {@code evaluate.memorization.max_index_mib} when the index of {@code trainTokens}
     * would need more than {@code maxIndexMib} MiB or more than the JVM's heap limit ({@code heapBytes},
     * {@code Runtime.maxMemory()} where the caller has nothing better).
     */
    public static void requireFits(long trainTokens, int seqLen, int vocabSize, long maxIndexMib, long heapBytes) {
        long need = estimateBytes(trainTokens, seqLen, vocabSize);
        long needMib = (need + (1 << 20) - 1) >> 20;
        if (need > maxIndexMib << 20) {
            throw new IllegalArgumentException("The memorization index over " + trainTokens + " training tokens needs up to "
                    + needMib + " MiB, more than evaluate.memorization.max_index_mib = " + maxIndexMib + ". Raise "
                    + "evaluate.memorization.max_index_mib to at least " + needMib + " (and give Java that much heap, "
                    + "e.g. -Xmx" + (needMib + 512) + "m), or set it to 0 to skip the memorization measurement.");
        }
        if (need > heapBytes) {
            throw new IllegalArgumentException("The memorization index over " + trainTokens + " training tokens needs up to "
                    + needMib + " MiB, but this Java process may use only " + (heapBytes >> 20) + " MiB of heap. Start "
                    + "Java with -Xmx" + (needMib + 512) + "m (or more), or set evaluate.memorization.max_index_mib to 0 "
                    + "to skip the memorization measurement.");
        }
    }

    /** Builds the index over the training chunks of a token store (read once from its memory map). */
    public static TrainIndex build(TokenStore store) {
        int seqLen = store.seqLen();
        int chunks = store.trainChunks();
        int separator = store.vocabSize();
        int[] text = new int[textLength((long) chunks * seqLen, seqLen)];
        IntBuffer view = IntBuffer.wrap(text);
        for (int c = 0; c < chunks; c++) {
            int at = c * (seqLen + 1);
            store.copyChunk(Subset.TRAIN, c, view, at);
            text[at + seqLen] = separator;
        }
        return new TrainIndex(text, SuffixArray.of(text, separator + 1), seqLen, (long) chunks * seqLen);
    }

    /** Builds the index over {@code tokens}, read as chunks of {@code seqLen} (the last one may be shorter). */
    public static TrainIndex build(int[] tokens, int seqLen, int vocabSize) {
        requirePositive(seqLen, "seq_len");
        int[] text = new int[textLength(tokens.length, seqLen)];
        int at = 0;
        for (int start = 0; start < tokens.length; start += seqLen) {
            int end = Math.min(tokens.length, start + seqLen);
            for (int i = start; i < end; i++) {
                if (tokens[i] < 0 || tokens[i] >= vocabSize) {
                    throw new IllegalArgumentException("Training token " + tokens[i] + " at position " + i
                            + " is outside the vocabulary [0, " + vocabSize + ").");
                }
                text[at++] = tokens[i];
            }
            text[at++] = vocabSize;
        }
        return new TrainIndex(text, SuffixArray.of(text, vocabSize + 1), seqLen, tokens.length);
    }

    private static int textLength(long tokens, int seqLen) {
        long length = tokens + (tokens + seqLen - 1) / seqLen;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("The memorization index holds at most about 2.1 billion tokens; the "
                    + "training split has " + tokens + ". Set evaluate.memorization.max_index_mib to 0 to skip it.");
        }
        return (int) length;
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("Expected " + name + " of at least 1; found " + value + ".");
        }
    }

    public long trainTokens() {
        return trainTokens;
    }

    /** The longest prefix of {@code pattern[from, to)} that occurs in the training tokens, and one place it does. */
    public Match longestMatch(int[] pattern, int from, int to) {
        if (from >= to) {
            return new Match(0, -1);
        }
        int n = text.length;
        int lo = -1; // suffix(lo) < pattern <= suffix(hi); -1 and n stand for minus and plus infinity
        int hi = n;
        int lcpLo = 0;
        int lcpHi = 0;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            int start = suffixes[mid];
            int k = Math.min(lcpLo, lcpHi); // every suffix between lo and hi shares this much with the pattern
            while (from + k < to && start + k < n && text[start + k] == pattern[from + k]) {
                k++;
            }
            if (from + k < to && (start + k == n || text[start + k] < pattern[from + k])) {
                lo = mid;
                lcpLo = k;
            } else {
                hi = mid;
                lcpHi = k;
            }
        }
        boolean low = lo >= 0 && (hi == n || lcpLo > lcpHi);
        int length = low ? lcpLo : hi < n ? lcpHi : 0;
        if (length == 0) {
            return new Match(0, -1);
        }
        return new Match(length, trainPosition(suffixes[low ? lo : hi]));
    }

    /** A position in the index's text, as the index of that token in the training split (separators removed). */
    private long trainPosition(int textPosition) {
        int chunk = textPosition / (seqLen + 1);
        return (long) chunk * seqLen + textPosition % (seqLen + 1);
    }

    /**
     * A match: {@code length} tokens, found at token {@code trainPosition} of the training split (chunk
     * {@code trainPosition / seq_len}); -1 when the length is 0.
     */
    public record Match(int length, long trainPosition) {}
}
