package dev.paradigm.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes data folders for tests byte by byte from the format description in docs/boundary.md, on
 * purpose without {@link TokenStoreWriter} or {@link TokenFileHeader}, so the reader is checked against
 * an independent writer. Token {@code t} of chunk {@code c} is {@link #token}.
 */
final class TokenFolderFixture {
    private TokenFolderFixture() {}

    /** A recognisable token: differs for every (chunk, position, split) and covers the top of uint16. */
    static int token(String split, int chunk, int position, int vocab) {
        int base = split.equals("train") ? 0 : 17;
        return (int) (((long) chunk * 7919 + (long) position * 31 + base + vocab - 1) % vocab);
    }

    static int[] tokens(String split, int chunks, int seqLen, int vocab) {
        int[] out = new int[chunks * seqLen];
        for (int c = 0; c < chunks; c++) {
            for (int t = 0; t < seqLen; t++) {
                out[c * seqLen + t] = token(split, c, t, vocab);
            }
        }
        return out;
    }

    /** Writes a complete, valid folder; returns it. */
    static Path write(Path folder, String dtype, int seqLen, int vocab, int eos, int trainChunks, int valChunks) throws IOException {
        Files.createDirectories(folder);
        int width = dtype.equals("uint16") ? 2 : 4;
        byte[] train = tokenFile(width, seqLen, vocab, tokens("train", trainChunks, seqLen, vocab));
        byte[] val = tokenFile(width, seqLen, vocab, tokens("val", valChunks, seqLen, vocab));
        Files.write(folder.resolve("train.bin"), train);
        Files.write(folder.resolve("val.bin"), val);
        Files.writeString(folder.resolve("manifest.json"), manifest(dtype, seqLen, vocab, eos,
                trainChunks, train, valChunks, val));
        return folder;
    }

    static byte[] tokenFile(int width, int seqLen, int vocab, int[] tokens) {
        ByteBuffer out = ByteBuffer.allocate(1024 + tokens.length * width).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(20260127).putInt(1).putInt(width).putInt(seqLen).putInt(tokens.length / seqLen).putInt(vocab);
        out.position(1024);
        for (int token : tokens) {
            if (width == 2) {
                out.putShort((short) token);
            } else {
                out.putInt(token);
            }
        }
        return out.array();
    }

    static String manifest(String dtype, int seqLen, int vocab, int eos, int trainChunks, byte[] train, int valChunks, byte[] val) {
        return """
                {"format": "paradigm-tokens", "version": 1,
                 "source": {"type": "generated", "path": null},
                 "tokenizer": {"kind": "bpe", "file": "tokenizer.json", "vocab_size": %d, "eos_id": %d, "sha256": "00"},
                 "dtype": "%s", "seq_len": %d, "separator": "eos",
                 "stories": {"read": 10, "kept": 9, "dropped_short": 1},
                 "split": {"kind": "random", "val_fraction": 0.05, "seed": 42},
                 "train": {"file": "train.bin", "chunks": %d, "tokens": %d, "sha256": "%s", "bytes": %d},
                 "val":   {"file": "val.bin",   "chunks": %d, "tokens": %d, "sha256": "%s", "bytes": %d},
                 "unigram_entropy_nats": 5.25, "extra_field_from_python": [1, 2]}
                """.formatted(vocab, eos, dtype, seqLen,
                trainChunks, (long) trainChunks * seqLen, sha256(train), train.length,
                valChunks, (long) valChunks * seqLen, sha256(val), val.length);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    static void replaceInManifest(Path folder, String from, String to) throws IOException {
        Path manifest = folder.resolve("manifest.json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new AssertionError("manifest does not contain " + from);
        }
        Files.writeString(manifest, text.replace(from, to));
    }
}
