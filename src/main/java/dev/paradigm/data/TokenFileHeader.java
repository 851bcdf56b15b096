package dev.paradigm.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 1024-byte header of {@code train.bin} / {@code val.bin}: 256 little-endian int32, of which the
 * first six are used (docs/boundary.md) and the rest are zero. The magic number and version let a
 * reader refuse a file from another program or another format version with a clear message.
 */
public record TokenFileHeader(int magic, int version, int bytesPerToken, int seqLen, int chunks, int vocabSize) {
    public static final int SIZE_BYTES = 1024;
    public static final int MAGIC = 20260127;
    public static final int VERSION = 1;

    /** A header of the current magic and version. */
    public static TokenFileHeader of(int bytesPerToken, int seqLen, int chunks, int vocabSize) {
        return new TokenFileHeader(MAGIC, VERSION, bytesPerToken, seqLen, chunks, vocabSize);
    }

    /** Reads the first six fields of a header; {@code bytes} must hold at least 24 bytes from its position. */
    public static TokenFileHeader decode(ByteBuffer bytes) {
        ByteBuffer le = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int at = le.position();
        return new TokenFileHeader(le.getInt(at), le.getInt(at + 4), le.getInt(at + 8), le.getInt(at + 12),
                le.getInt(at + 16), le.getInt(at + 20));
    }

    /** The full 1024-byte header, ready to write. */
    public ByteBuffer encode() {
        ByteBuffer out = ByteBuffer.allocate(SIZE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(magic).putInt(version).putInt(bytesPerToken).putInt(seqLen).putInt(chunks).putInt(vocabSize);
        out.position(0);
        return out;
    }

    /** The size the whole file must have: header plus {@code chunks × seqLen} tokens. */
    public long expectedFileBytes() {
        return SIZE_BYTES + (long) chunks * seqLen * bytesPerToken;
    }
}
