package dev.paradigm.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * Fills one reusable direct int32 buffer with this rank's rows of a step's batch.
 *
 * <p>The buffer is allocated once (native byte order, {@code rows × seqLen} int32, row-major) and
 * overwritten every step, so the step loop allocates nothing. Its capacity is exactly one batch, so it
 * can be wrapped as a Jep {@code DirectNDArray} of shape {@code (rows, seqLen)} once and handed to
 * Python every step without a copy. The buffer is valid until the next {@link #assemble} call.
 * Not thread-safe.
 */
public final class BatchAssembler {
    private final TokenStore store;
    private final BatchSchedule schedule;
    private final int rank;
    private final int world;
    private final int[] chunkIndices;
    private final ByteBuffer bytes;
    private final IntBuffer tokens;

    /** An assembler for a single process (rank 0 of 1). */
    public BatchAssembler(TokenStore store, BatchSchedule schedule) {
        this(store, schedule, 0, 1);
    }

    public BatchAssembler(TokenStore store, BatchSchedule schedule, int rank, int world) {
        if (schedule.chunkCount() != store.trainChunks()) {
            throw new IllegalArgumentException("The batch schedule covers " + schedule.chunkCount()
                    + " chunks, but the token store has " + store.trainChunks() + " training chunks; build the schedule from this store.");
        }
        if (rank < 0 || rank >= world) {
            throw new IllegalArgumentException("Invalid rank " + rank + ": must be in [0, " + world + ").");
        }
        this.store = store;
        this.schedule = schedule;
        this.rank = rank;
        this.world = world;
        this.chunkIndices = new int[BatchSchedule.rowsPerRank(schedule.batchSize(), world)];
        this.bytes = ByteBuffer.allocateDirect(Math.multiplyExact(chunkIndices.length, Math.multiplyExact(store.seqLen(), Integer.BYTES)))
                .order(ByteOrder.nativeOrder());
        this.tokens = bytes.asIntBuffer();
    }

    /** Fills the buffer with the rows of {@code step} and returns it (position 0, limit = capacity). */
    public IntBuffer assemble(long step) {
        schedule.fillRankBatchIndices(step, rank, world, chunkIndices);
        int seqLen = store.seqLen();
        for (int row = 0; row < chunkIndices.length; row++) {
            store.copyChunk(Subset.TRAIN, chunkIndices[row], tokens, row * seqLen);
        }
        return tokens;
    }

    /** The int32 view of the batch buffer (capacity {@code rows × seqLen}). */
    public IntBuffer tokens() {
        return tokens;
    }

    /** The underlying direct byte buffer, native byte order. */
    public ByteBuffer bytes() {
        return bytes;
    }

    /** Rows per step on this rank ({@code B / W}). */
    public int rows() {
        return chunkIndices.length;
    }

    public int seqLen() {
        return store.seqLen();
    }

    /** The chunk indices of the last assembled batch (a copy). */
    public int[] lastChunkIndices() {
        return chunkIndices.clone();
    }
}
