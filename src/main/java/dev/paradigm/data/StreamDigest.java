package dev.paradigm.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A fingerprint of the whole batch stream, kept as a hash chain so that its state is 32 bytes that a
 * checkpoint can store: {@code d_0} is 32 zero bytes and
 * {@code d_k = SHA-256(d_{k-1} || bytes of batch k)}, where the bytes of a batch are its int32 tokens,
 * little-endian, row-major. Feed the GLOBAL batch of every step in step order; two runs that consumed
 * identical data end with equal digests, and a run restored from {@link #hex()} continues the chain
 * exactly. Not thread-safe.
 */
public final class StreamDigest {
    private static final int DIGEST_BYTES = 32;
    private static final int SCRATCH_INTS = 16 * 1024;

    private final MessageDigest sha = Sha256.newDigest();
    private final byte[] state;
    // Little-endian staging area: tokens are copied here so the hashed bytes never depend on the
    // byte order of the caller's buffer.
    private ByteBuffer scratch = ByteBuffer.allocate(SCRATCH_INTS * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private IntBuffer scratchInts = scratch.asIntBuffer();

    private StreamDigest(byte[] state) {
        this.state = state;
    }

    /** The digest of an empty stream (step 0). */
    public static StreamDigest start() {
        return new StreamDigest(new byte[DIGEST_BYTES]);
    }

    /** Continues a chain from a value of {@link #hex()}. */
    public static StreamDigest restore(String hex) {
        if (hex == null || hex.length() != 2 * DIGEST_BYTES) {
            throw new IllegalArgumentException("A stream digest is " + 2 * DIGEST_BYTES + " hex characters, but got "
                    + (hex == null ? "null" : "'" + hex + "' (" + hex.length() + " characters)") + ".");
        }
        try {
            return new StreamDigest(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The stream digest '" + hex + "' is not hexadecimal.", e);
        }
    }

    /** Chains one batch held in {@code batch} between index 0 and its limit. */
    public void update(IntBuffer batch) {
        sha.update(state);
        int length = batch.limit();
        for (int offset = 0; offset < length; offset += SCRATCH_INTS) {
            int n = Math.min(SCRATCH_INTS, length - offset);
            scratchInts.put(0, batch, offset, n);
            sha.update(scratch.array(), 0, n * Integer.BYTES);
        }
        finish();
    }

    /**
     * Chains one batch given as chunk indices of a subset, reading the tokens straight from the store.
     * Gives the same result as assembling the batch and calling {@link #update(IntBuffer)}; this form lets
     * a rank that holds only its own rows fingerprint the global batch.
     */
    public void update(TokenStore store, Subset subset, int[] chunkIndices) {
        int seqLen = store.seqLen();
        if (scratchInts.capacity() < seqLen) {
            scratch = ByteBuffer.allocate(seqLen * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            scratchInts = scratch.asIntBuffer();
        }
        sha.update(state);
        for (int chunk : chunkIndices) {
            store.copyChunk(subset, chunk, scratchInts, 0);
            sha.update(scratch.array(), 0, seqLen * Integer.BYTES);
        }
        finish();
    }

    private void finish() {
        try {
            sha.digest(state, 0, DIGEST_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 did not produce 32 bytes.", e);
        }
    }

    /** The current chain value, 64 lower-case hex characters. */
    public String hex() {
        return HexFormat.of().formatHex(state);
    }

    @Override
    public String toString() {
        return hex();
    }
}
