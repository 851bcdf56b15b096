package dev.paradigm.data;

/**
 * The order in which training chunks are consumed: a pure function of (seed, step).
 *
 * <p>Each epoch {@code e} is a permutation of all training chunk indices, made by a Fisher–Yates
 * shuffle of {@code 0..N-1} (for {@code i = N-1} down to {@code 1}: swap {@code i} with
 * {@code j = nextBelow(i + 1)}) driven by {@link SplitMix64} started from state
 * {@code seed XOR mix64(e)}. The epochs are laid end to end into one infinite stream, and the global
 * batch of step {@code s} (counting from 0) is positions {@code [s*B, (s+1)*B)} of that stream. A batch
 * may therefore straddle two epochs; nothing is dropped or repeated at epoch boundaries.
 *
 * <p>Because the batch of step {@code k} depends on nothing but (seed, k), a run resumed at step
 * {@code k} reads exactly what an uninterrupted run reads. With {@code W} processes, rank {@code r}
 * takes rows {@code [r*B/W, (r+1)*B/W)} of the global batch, so any number of ranks consumes the
 * same data as one.
 *
 * <p>Not thread-safe: the permutation of the current epoch is cached.
 */
public final class BatchSchedule {
    private final long seed;
    private final int chunkCount;
    private final int batchSize;
    private final int[] permutation;
    private long permutationEpoch = -1;

    /**
     * @param seed the data-order seed
     * @param chunkCount the number of training chunks (the size of every permutation)
     * @param batchSize the global batch size B (rows per step, over all ranks)
     */
    public BatchSchedule(long seed, int chunkCount, int batchSize) {
        if (chunkCount < 1) {
            throw new IllegalArgumentException("The training split has " + chunkCount
                    + " chunks, but at least 1 is needed to form batches; prepare more data or a shorter seq_len.");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Invalid batch size " + batchSize + ": must be at least 1.");
        }
        this.seed = seed;
        this.chunkCount = chunkCount;
        this.batchSize = batchSize;
        this.permutation = new int[chunkCount];
    }

    public long seed() {
        return seed;
    }

    public int chunkCount() {
        return chunkCount;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Rows per rank, {@code B / W}. @throws IllegalArgumentException when W does not divide B. */
    public static int rowsPerRank(int batchSize, int world) {
        if (world < 1) {
            throw new IllegalArgumentException("Invalid world size " + world + ": must be at least 1.");
        }
        if (batchSize % world != 0) {
            throw new IllegalArgumentException("The batch size " + batchSize + " is not divisible by the world size " + world
                    + ": every rank must take an equal share of the global batch. Choose a batch size that is a multiple of "
                    + world + ".");
        }
        return batchSize / world;
    }

    /** The chunk indices of the global batch of {@code step}, in row order. */
    public int[] globalBatchIndices(long step) {
        int[] out = new int[batchSize];
        fillIndices(step, 0, out);
        return out;
    }

    /** The chunk indices of rank {@code rank}'s rows of the global batch of {@code step}. */
    public int[] rankBatchIndices(long step, int rank, int world) {
        int[] out = new int[rowsPerRank(batchSize, world)];
        fillRankBatchIndices(step, rank, world, out);
        return out;
    }

    /** As {@link #rankBatchIndices}, into an array of length {@code B / W} the caller reuses. */
    public void fillRankBatchIndices(long step, int rank, int world, int[] out) {
        int rows = rowsPerRank(batchSize, world);
        if (rank < 0 || rank >= world) {
            throw new IllegalArgumentException("Invalid rank " + rank + ": must be in [0, " + world + ").");
        }
        if (out.length != rows) {
            throw new IllegalArgumentException("The index array holds " + out.length + " entries, expected " + rows + " (B / W).");
        }
        fillIndices(step, (long) rank * rows, out);
    }

    /** The permutation of epoch {@code epoch} (a fresh copy). */
    public int[] epochPermutation(long epoch) {
        return permutationOf(epoch).clone();
    }

    private void fillIndices(long step, long firstRow, int[] out) {
        if (step < 0) {
            throw new IllegalArgumentException("Invalid step " + step + ": steps count from 0.");
        }
        long position = Math.addExact(Math.multiplyExact(step, (long) batchSize), firstRow);
        for (int row = 0; row < out.length; row++, position++) {
            out[row] = permutationOf(position / chunkCount)[(int) (position % chunkCount)];
        }
    }

    private int[] permutationOf(long epoch) {
        if (epoch != permutationEpoch) {
            SplitMix64 random = new SplitMix64(seed ^ SplitMix64.mix64(epoch));
            for (int i = 0; i < chunkCount; i++) {
                permutation[i] = i;
            }
            for (int i = chunkCount - 1; i > 0; i--) {
                int j = random.nextBelow(i + 1);
                int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
            permutationEpoch = epoch;
        }
        return permutation;
    }
}
