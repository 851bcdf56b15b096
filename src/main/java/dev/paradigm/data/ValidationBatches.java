package dev.paradigm.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * The validation set as a fixed sequence of batches: chunks {@code 0, 1, 2, …} of the validation
 * split, {@code batchSize} at a time, in order. Every evaluation sees the same tokens in the same
 * batches, which keeps validation losses comparable across steps and paradigms.
 *
 * <p>When the chunk count is not a multiple of the batch size, the last batch is smaller. Each batch
 * is returned as a direct native-order int32 buffer whose capacity is exactly {@code rows × seqLen}
 * (a view of one shared allocation), so it can be wrapped as a Jep {@code DirectNDArray} of that
 * shape. A returned buffer is valid until the next {@link #fill} call. Not thread-safe.
 */
public final class ValidationBatches {
    private final TokenStore store;
    private final int batchSize;
    private final int batchCount;
    private final int chunksUsed;
    private final IntBuffer fullBatch;
    private final IntBuffer lastBatch;

    /**
     * @param batchSize rows per batch
     * @param maxBatches how many batches to use from the start of the split; 0 means all of them
     */
    public ValidationBatches(TokenStore store, int batchSize, int maxBatches) {
        this(store, batchSize, requireCount("batches", maxBatches) * (long) batchSize);
    }

    /**
     * The first {@code maxChunks} validation chunks (all when 0, or when the split has fewer) in batches of
     * {@code batchSize}, the last one smaller when they do not divide evenly.
     */
    public static ValidationBatches firstChunks(TokenStore store, int batchSize, int maxChunks) {
        return new ValidationBatches(store, batchSize, (long) requireCount("chunks", maxChunks));
    }

    private ValidationBatches(TokenStore store, int batchSize, long maxChunks) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Invalid validation batch size " + batchSize + ": must be at least 1.");
        }
        int available = store.valChunks();
        if (available == 0) {
            throw new IllegalArgumentException("The validation split of " + store.folder()
                    + " has no chunks; prepare the data with a larger val_fraction.");
        }
        this.store = store;
        this.batchSize = batchSize;
        this.chunksUsed = maxChunks == 0 ? available : (int) Math.min(available, maxChunks);
        this.batchCount = (chunksUsed + batchSize - 1) / batchSize;
        int seqLen = store.seqLen();
        ByteBuffer bytes = ByteBuffer.allocateDirect(Math.multiplyExact(batchSize, seqLen * Integer.BYTES))
                .order(ByteOrder.nativeOrder());
        this.fullBatch = bytes.asIntBuffer();
        int lastRows = rows(batchCount - 1);
        this.lastBatch = lastRows == batchSize ? fullBatch
                : bytes.slice(0, lastRows * seqLen * Integer.BYTES).order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    /** How many batches an evaluation runs. */
    public int batchCount() {
        return batchCount;
    }

    /** How many validation chunks those batches cover. */
    public int chunksUsed() {
        return chunksUsed;
    }

    /** Rows of batch {@code k}: {@code batchSize}, except possibly fewer in the last one. */
    public int rows(int k) {
        checkIndex(k);
        return Math.min(batchSize, chunksUsed - k * batchSize);
    }

    public int seqLen() {
        return store.seqLen();
    }

    /** Fills and returns batch {@code k}; its capacity is {@code rows(k) × seqLen}. */
    public IntBuffer fill(int k) {
        int rows = rows(k);
        IntBuffer target = rows == batchSize ? fullBatch : lastBatch;
        int seqLen = store.seqLen();
        for (int row = 0; row < rows; row++) {
            store.copyChunk(Subset.VAL, k * batchSize + row, target, row * seqLen);
        }
        return target;
    }

    private static int requireCount(String what, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Invalid number of validation " + what + " " + count
                    + ": must be 0 (the whole validation set) or more.");
        }
        return count;
    }

    private void checkIndex(int k) {
        if (k < 0 || k >= batchCount) {
            throw new IndexOutOfBoundsException("Validation batch " + k + " is outside [0, " + batchCount + ").");
        }
    }
}
