package dev.paradigm.bench;

import dev.paradigm.data.TokenStore;
import dev.paradigm.data.TokenStoreWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A token store of uniformly random tokens, for benchmarking where no corpus can be prepared (a GPU machine that
 * cannot reach the hub): throughput does not depend on what the tokens are, only on the vocabulary and the shapes.
 * The last id plays the end-of-story token (as GPT-2's 50256 does).
 */
public final class SyntheticTokens {
    /** Training chunks per batch row: enough distinct batches that the schedule gathers from all over the file. */
    static final int TRAIN_CHUNKS_PER_ROW = 64;

    private SyntheticTokens() {}

    /**
     * Writes a store into {@code folder} with {@code batchSize × 64} training chunks and {@code valChunks} validation
     * chunks of {@code seqLen} tokens, drawn from {@code seed}, and opens it.
     */
    public static TokenStore write(Path folder, int vocabSize, int seqLen, int batchSize, int valChunks, long seed) {
        if (vocabSize < 2) {
            throw new IllegalArgumentException("A synthetic vocabulary needs at least 2 tokens, not " + vocabSize + ".");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] train = draw(random, Math.multiplyExact(Math.multiplyExact(batchSize, TRAIN_CHUNKS_PER_ROW), seqLen), vocabSize);
        int[] val = draw(random, Math.multiplyExact(Math.max(valChunks, 1), seqLen), vocabSize);
        String dtype = vocabSize <= 65536 ? "uint16" : "int32";
        try {
            TokenStoreWriter.write(folder, dtype, seqLen, vocabSize, vocabSize - 1, train, val);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the synthetic token store in " + folder, e);
        }
        return TokenStore.open(folder, TokenStore.Verification.SKIP_SHA256);
    }

    private static int[] draw(SplittableRandom random, int count, int vocabSize) {
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = random.nextInt(vocabSize);
        }
        return tokens;
    }
}
