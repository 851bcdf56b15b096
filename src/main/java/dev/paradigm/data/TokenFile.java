package dev.paradigm.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One memory-mapped token file ({@code train.bin} or {@code val.bin}), checked against its manifest
 * entry when opened. Chunks are read by index and widened to int32 on the way out.
 *
 * <p>A single {@link MappedByteBuffer} addresses at most 2 GiB, so the file is mapped as segments of
 * whole chunks of at most 1 GiB each; a chunk never straddles two segments.
 */
final class TokenFile {
    private static final long SEGMENT_BYTES = 1L << 30;

    private final Path path;
    private final TokenFileHeader header;
    private final int chunksPerSegment;
    // Exactly one of the two is used, by the file's dtype; the views are made once so reads allocate nothing.
    private final ShortBuffer[] uint16Segments;
    private final IntBuffer[] int32Segments;

    private TokenFile(Path path, TokenFileHeader header, int chunksPerSegment, ShortBuffer[] uint16Segments,
            IntBuffer[] int32Segments) {
        this.path = path;
        this.header = header;
        this.chunksPerSegment = chunksPerSegment;
        this.uint16Segments = uint16Segments;
        this.int32Segments = int32Segments;
    }

    /**
     * Opens and checks a token file: header against the manifest, size against the header, and (when
     * {@code verifyHash}) the SHA-256 of the whole file, header included, against the manifest.
     */
    static TokenFile open(Path path, DataManifest manifest, Subset subset, boolean verifyHash) {
        return open(path, manifest, subset, verifyHash, SEGMENT_BYTES);
    }

    /** As above, mapping segments of at most {@code segmentBytes} (tests use tiny segments). */
    static TokenFile open(Path path, DataManifest manifest, Subset subset, boolean verifyHash, long segmentBytes) {
        DataManifest.SplitFile entry = manifest.file(subset);
        String name = subset.key() + " file " + path;
        if (!Files.isRegularFile(path)) {
            throw TokenStoreException.withPrepareHint("The " + name + " named in the data manifest does not exist.");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < TokenFileHeader.SIZE_BYTES) {
                throw TokenStoreException.withPrepareHint("The " + name + " holds " + size + " bytes, fewer than its "
                        + TokenFileHeader.SIZE_BYTES + "-byte header: it is truncated or not a token file.");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate(TokenFileHeader.SIZE_BYTES);
            channel.read(headerBytes, 0);
            TokenFileHeader header = TokenFileHeader.decode(headerBytes.flip());
            checkHeader(header, manifest, entry, name);
            if (size != header.expectedFileBytes() || size != entry.bytes()) {
                throw TokenStoreException.withPrepareHint("The " + name + " holds " + size + " bytes, but its header ("
                        + header.chunks() + " chunks of " + header.seqLen() + " tokens of " + header.bytesPerToken()
                        + " bytes) needs " + header.expectedFileBytes() + " and the manifest records " + entry.bytes()
                        + ": the file is truncated or damaged.");
            }
            if (verifyHash) {
                String actual = Sha256.ofFile(path);
                if (!actual.equalsIgnoreCase(entry.sha256())) {
                    throw TokenStoreException.withPrepareHint("The " + name + " has sha256 " + actual
                            + ", but the data manifest records " + entry.sha256() + ": the file changed after it was prepared.");
                }
            }
            return map(path, channel, header, segmentBytes);
        } catch (IOException e) {
            throw new TokenStoreException("Could not read the " + name + ": " + e.getMessage(), e);
        }
    }

    private static void checkHeader(TokenFileHeader header, DataManifest manifest, DataManifest.SplitFile entry, String name) {
        if (header.magic() != TokenFileHeader.MAGIC) {
            throw TokenStoreException.withPrepareHint("The " + name + " starts with magic number " + header.magic()
                    + ", expected " + TokenFileHeader.MAGIC + ": it is not a paradigm token file, or it is damaged.");
        }
        if (header.version() != TokenFileHeader.VERSION) {
            throw TokenStoreException.withPrepareHint("The " + name + " has format version " + header.version()
                    + ", but this paradigm reads version " + TokenFileHeader.VERSION + ".");
        }
        expectEqual(name, "bytes per token", header.bytesPerToken(), manifest.bytesPerToken(), "dtype " + manifest.dtype());
        expectEqual(name, "seq_len", header.seqLen(), manifest.seqLen(), "seq_len");
        expectEqual(name, "chunk count", header.chunks(), entry.chunks(), "chunks");
        expectEqual(name, "vocab_size", header.vocabSize(), manifest.tokenizer().vocabSize(), "tokenizer.vocab_size");
    }

    private static void expectEqual(String name, String what, long inHeader, long inManifest, String manifestField) {
        if (inHeader != inManifest) {
            throw TokenStoreException.withPrepareHint("The " + name + " has " + what + " " + inHeader
                    + " in its header, but the data manifest says " + manifestField + " = " + inManifest
                    + ": the file and the manifest come from different preparations.");
        }
    }

    private static TokenFile map(Path path, FileChannel channel, TokenFileHeader header, long segmentBytes) throws IOException {
        long chunkBytes = (long) header.seqLen() * header.bytesPerToken();
        int chunksPerSegment = (int) Math.max(1, Math.min(Integer.MAX_VALUE, segmentBytes / chunkBytes));
        int segments = header.chunks() == 0 ? 0 : (int) ((header.chunks() + (long) chunksPerSegment - 1) / chunksPerSegment);
        ShortBuffer[] uint16 = header.bytesPerToken() == 2 ? new ShortBuffer[segments] : null;
        IntBuffer[] int32 = header.bytesPerToken() == 4 ? new IntBuffer[segments] : null;
        for (int s = 0; s < segments; s++) {
            long firstChunk = (long) s * chunksPerSegment;
            long chunks = Math.min(chunksPerSegment, header.chunks() - firstChunk);
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY,
                    TokenFileHeader.SIZE_BYTES + firstChunk * chunkBytes, chunks * chunkBytes);
            mapped.order(ByteOrder.LITTLE_ENDIAN);
            if (uint16 != null) {
                uint16[s] = mapped.asShortBuffer();
            } else {
                int32[s] = mapped.asIntBuffer();
            }
        }
        return new TokenFile(path, header, chunksPerSegment, uint16, int32);
    }

    Path path() {
        return path;
    }

    int chunks() {
        return header.chunks();
    }

    int seqLen() {
        return header.seqLen();
    }

    /**
     * Writes chunk {@code index} as {@code seqLen} int32 values into {@code dst} starting at absolute
     * index {@code dstOffset}; the position of {@code dst} is left unchanged.
     */
    void copyChunk(int index, IntBuffer dst, int dstOffset) {
        if (index < 0 || index >= header.chunks()) {
            throw new IndexOutOfBoundsException("Chunk " + index + " is outside [0, " + header.chunks() + ") of " + path + ".");
        }
        int seqLen = header.seqLen();
        int segment = index / chunksPerSegment;
        int start = (index % chunksPerSegment) * seqLen;
        if (int32Segments != null) {
            dst.put(dstOffset, int32Segments[segment], start, seqLen);
            return;
        }
        ShortBuffer source = uint16Segments[segment];
        for (int i = 0; i < seqLen; i++) {
            dst.put(dstOffset + i, Short.toUnsignedInt(source.get(start + i)));
        }
    }
}
