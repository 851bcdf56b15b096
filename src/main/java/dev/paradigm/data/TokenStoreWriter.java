package dev.paradigm.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a data folder in the format of {@code docs/boundary.md} from token arrays already in memory.
 *
 * <p>In a real run Python's {@code paradigm.data.prepare} writes data folders; this writer exists so
 * that benchmarks and tests can make a small store without Python, and it shows the format in code.
 * Each file is written under a temporary name and renamed into place.
 */
public final class TokenStoreWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenStoreWriter() {}

    /**
     * Writes {@code train.bin}, {@code val.bin} and {@code manifest.json} into {@code folder}
     * (created if needed). Token arrays must hold whole chunks of {@code seqLen}.
     *
     * @param dtype "uint16" or "int32"
     */
    public static void write(Path folder, String dtype, int seqLen, int vocabSize, int eosId, int[] trainTokens,
            int[] valTokens) throws IOException {
        if (!"uint16".equals(dtype) && !"int32".equals(dtype)) {
            throw new IllegalArgumentException("dtype must be 'uint16' or 'int32', not '" + dtype + "'.");
        }
        Files.createDirectories(folder);
        int bytesPerToken = "uint16".equals(dtype) ? 2 : 4;
        Map<String, Object> source = new LinkedHashMap<>(); // in this order, so equal stores have equal manifests
        source.put("type", "in-memory");
        source.put("writer", TokenStoreWriter.class.getName());
        DataManifest manifest = new DataManifest(DataManifest.FORMAT, DataManifest.VERSION, source,
                new DataManifest.TokenizerInfo("none", "tokenizer.json", vocabSize, eosId, ""), dtype, seqLen, "eos", null,
                null, writeTokenFile(folder, "train.bin", bytesPerToken, seqLen, vocabSize, trainTokens),
                writeTokenFile(folder, "val.bin", bytesPerToken, seqLen, vocabSize, valTokens), 0.0);
        writeThenRename(folder.resolve(TokenStore.MANIFEST_FILE), ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest)));
    }

    private static DataManifest.SplitFile writeTokenFile(Path folder, String name, int bytesPerToken, int seqLen, int vocabSize,
            int[] tokens) throws IOException {
        if (tokens.length % seqLen != 0) {
            throw new IllegalArgumentException(name + ": " + tokens.length + " tokens are not whole chunks of " + seqLen + ".");
        }
        int chunks = tokens.length / seqLen;
        TokenFileHeader header = TokenFileHeader.of(bytesPerToken, seqLen, chunks, vocabSize);
        ByteBuffer body = ByteBuffer.allocate((int) header.expectedFileBytes()).order(ByteOrder.LITTLE_ENDIAN);
        body.put(header.encode());
        for (int token : tokens) {
            if (token < 0 || token >= vocabSize) {
                throw new IllegalArgumentException(name + ": token " + token + " is outside the vocabulary [0, " + vocabSize + ").");
            }
            if (bytesPerToken == 2) {
                body.putShort((short) token);
            } else {
                body.putInt(token);
            }
        }
        body.flip();
        Path file = folder.resolve(name);
        writeThenRename(file, body);
        return new DataManifest.SplitFile(name, chunks, tokens.length, Sha256.ofFile(file), header.expectedFileBytes());
    }

    private static void writeThenRename(Path target, ByteBuffer content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (content.hasRemaining()) {
                channel.write(content);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
