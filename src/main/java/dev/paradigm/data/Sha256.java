package dev.paradigm.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and byte arrays, as lower-case hex (the form every manifest stores). */
public final class Sha256 {
    private static final int READ_BLOCK = 1 << 20;

    private Sha256() {}

    /** A fresh SHA-256 digest; every Java runtime is required to provide one. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime provides no SHA-256, which the Java specification requires.", e);
        }
    }

    /** Hashes a file by streaming it in 1 MiB blocks, so files larger than memory are fine. */
    public static String ofFile(Path file) throws IOException {
        MessageDigest digest = newDigest();
        ByteBuffer block = ByteBuffer.allocate(READ_BLOCK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(block) >= 0) {
                block.flip();
                digest.update(block);
                block.clear();
            }
        }
        return hex(digest.digest());
    }

    public static String ofBytes(byte[] bytes) {
        return hex(newDigest().digest(bytes));
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
