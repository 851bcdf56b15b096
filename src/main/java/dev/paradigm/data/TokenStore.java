package dev.paradigm.data;

import java.nio.IntBuffer;
import java.nio.file.Path;

/**
 * A prepared data folder, opened read-only: its manifest and its two memory-mapped token files.
 *
 * <p>Opening checks everything that can be checked cheaply (headers against the manifest, file
 * sizes) and, unless told otherwise, the SHA-256 of both token files, so a run never trains on a file
 * that changed after preparation. Reads are thread-safe: the mapped buffers are only read with
 * absolute indices.
 */
public final class TokenStore {
    public static final String MANIFEST_FILE = "manifest.json";

    /** Whether opening re-hashes the token files; skipping is for tests and benchmarks. */
    public enum Verification { SHA256, SKIP_SHA256 }

    private final Path folder;
    private final DataManifest manifest;
    private final String manifestHash;
    private final TokenFile train;
    private final TokenFile val;

    private TokenStore(Path folder, DataManifest manifest, String manifestHash, TokenFile train, TokenFile val) {
        this.folder = folder;
        this.manifest = manifest;
        this.manifestHash = manifestHash;
        this.train = train;
        this.val = val;
    }

    /** Opens a data folder and verifies the SHA-256 of its token files. */
    public static TokenStore open(Path folder) {
        return open(folder, Verification.SHA256);
    }

    /**
     * Opens a data folder.
     *
     * @throws TokenStoreException when the folder or manifest is missing, or a file does not match the manifest
     */
    public static TokenStore open(Path folder, Verification verification) {
        byte[] manifestBytes = DataManifest.bytes(folder);
        DataManifest manifest = DataManifest.parse(manifestBytes, folder.resolve(MANIFEST_FILE));
        boolean verify = verification == Verification.SHA256;
        TokenFile train = TokenFile.open(folder.resolve(manifest.train().file()), manifest, Subset.TRAIN, verify);
        TokenFile val = TokenFile.open(folder.resolve(manifest.val().file()), manifest, Subset.VAL, verify);
        return new TokenStore(folder, manifest, Sha256.ofBytes(manifestBytes), train, val);
    }

    public Path folder() {
        return folder;
    }

    public DataManifest manifest() {
        return manifest;
    }

    /**
     * The SHA-256 of {@code manifest.json} exactly as stored. The manifest records the hash of each token
     * file, so this one hash identifies the data; checkpoints store it to refuse resuming on other data.
     */
    public String manifestHash() {
        return manifestHash;
    }

    /** The tokenizer.json the tokens were made with (a synthetic store names one it does not have). */
    public Path tokenizerFile() {
        return folder.resolve(manifest.tokenizer().file());
    }

    public int vocabSize() {
        return manifest.tokenizer().vocabSize();
    }

    public int eosId() {
        return manifest.tokenizer().eosId();
    }

    public int seqLen() {
        return manifest.seqLen();
    }

    public int trainChunks() {
        return train.chunks();
    }

    public int valChunks() {
        return val.chunks();
    }

    public int chunks(Subset subset) {
        return file(subset).chunks();
    }

    /**
     * Copies chunk {@code index} of {@code subset} into {@code dst} as {@link #seqLen()} int32 values
     * starting at absolute index {@code dstOffset} (uint16 tokens are widened); the buffer's position
     * is not changed.
     */
    public void copyChunk(Subset subset, int index, IntBuffer dst, int dstOffset) {
        file(subset).copyChunk(index, dst, dstOffset);
    }

    /** One chunk as a fresh array; convenient where speed does not matter. */
    public int[] chunk(Subset subset, int index) {
        IntBuffer out = IntBuffer.allocate(seqLen());
        copyChunk(subset, index, out, 0);
        return out.array();
    }

    private TokenFile file(Subset subset) {
        return subset == Subset.TRAIN ? train : val;
    }
}
