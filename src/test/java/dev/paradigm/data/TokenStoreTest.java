package dev.paradigm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @TempDir
    Path temp;

    @Test
    void readsBackUint16TokensIncludingValuesAbove32767() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 8, 65536, 3, 5, 2);
        TokenStore store = TokenStore.open(folder);
        assertEquals(65536, store.vocabSize());
        assertEquals(3, store.eosId());
        assertEquals(8, store.seqLen());
        assertEquals(5, store.trainChunks());
        assertEquals(2, store.valChunks());
        // token(train, 0, 0) = (65536 - 1) % 65536 = 65535: must widen unsigned, not to -1.
        assertEquals(65535, store.chunk(Subset.TRAIN, 0)[0]);
        // token(train, 4, 7) = 4*7919 + 7*31 + 65535 = 97428 -> 97428 - 65536 = 31892.
        assertEquals(31892, store.chunk(Subset.TRAIN, 4)[7]);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(expectedChunk("val", c, 8, 65536), store.chunk(Subset.VAL, c));
        }
    }

    @Test
    void readsBackInt32Tokens() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "int32", 6, 100_000, 99_999, 4, 3);
        TokenStore store = TokenStore.open(folder);
        // token(val, 2, 5) = 2*7919 + 5*31 + 17 + 99999 = 116009 -> 116009 - 100000 = 16009.
        assertEquals(16009, store.chunk(Subset.VAL, 2)[5]);
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(expectedChunk("train", c, 6, 100_000), store.chunk(Subset.TRAIN, c));
        }
    }

    @Test
    void copyChunkWritesAtTheOffsetAndLeavesTheRestAndThePositionAlone() throws IOException {
        TokenStore store = TokenStore.open(TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1));
        IntBuffer dst = ByteBuffer.allocateDirect(12 * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
        for (int i = 0; i < 12; i++) {
            dst.put(i, -7);
        }
        store.copyChunk(Subset.TRAIN, 2, dst, 4);
        assertEquals(0, dst.position());
        int[] expected = {-7, -7, -7, -7, 0, 0, 0, 0, -7, -7, -7, -7};
        System.arraycopy(expectedChunk("train", 2, 4, 1000), 0, expected, 4, 4);
        int[] actual = new int[12];
        dst.get(0, actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void manifestHashIsTheSha256OfTheManifestBytes() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1);
        TokenStore store = TokenStore.open(folder);
        assertEquals(TokenFolderFixture.sha256(folder.resolve("manifest.json")), store.manifestHash());
        assertEquals(5.25, store.manifest().unigramEntropyNats());
        assertEquals("generated", store.manifest().source().get("type"));
    }

    @Test
    void aMissingFolderOrManifestTellsTheUserToPrepare() throws IOException {
        TokenStoreException noFolder = assertThrows(TokenStoreException.class, () -> TokenStore.open(temp.resolve("absent")));
        assertTrue(noFolder.getMessage().contains("does not exist"), noFolder.getMessage());
        assertTrue(noFolder.getMessage().contains("paradigm prepare --config"), noFolder.getMessage());

        Files.createDirectories(temp.resolve("empty"));
        TokenStoreException noManifest = assertThrows(TokenStoreException.class, () -> TokenStore.open(temp.resolve("empty")));
        assertTrue(noManifest.getMessage().contains("has no manifest.json"), noManifest.getMessage());
        assertTrue(noManifest.getMessage().contains("HINT: run `paradigm prepare"), noManifest.getMessage());
    }

    @Test
    void rejectsABadMagicNumber() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1);
        overwriteInt(folder.resolve("train.bin"), 0, 12345);
        TokenStoreException e = assertThrows(TokenStoreException.class,
                () -> TokenStore.open(folder, TokenStore.Verification.SKIP_SHA256));
        assertTrue(e.getMessage().contains("magic number 12345, expected 20260127"), e.getMessage());
        assertTrue(e.getMessage().contains("HINT: run `paradigm prepare --config"), e.getMessage());
    }

    @Test
    void rejectsAnotherFileVersion() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1);
        overwriteInt(folder.resolve("val.bin"), 4, 2);
        TokenStoreException e = assertThrows(TokenStoreException.class,
                () -> TokenStore.open(folder, TokenStore.Verification.SKIP_SHA256));
        assertTrue(e.getMessage().contains("val file"), e.getMessage());
        assertTrue(e.getMessage().contains("format version 2, but this paradigm reads version 1"), e.getMessage());
        assertTrue(e.getMessage().contains("paradigm prepare"), e.getMessage());
    }

    @Test
    void rejectsAnotherManifestVersion() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1);
        TokenFolderFixture.replaceInManifest(folder, "\"version\": 1", "\"version\": 3");
        TokenStoreException e = assertThrows(TokenStoreException.class, () -> TokenStore.open(folder));
        assertTrue(e.getMessage().contains("format version 3, but this paradigm reads version 1"), e.getMessage());
    }

    @Test
    void rejectsAFileWhoseContentChangedUnlessVerificationIsSkipped() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1);
        Path train = folder.resolve("train.bin");
        byte[] bytes = Files.readAllBytes(train);
        bytes[1024 + 5] ^= 0x01; // one bit of token 2 of chunk 0; size unchanged
        Files.write(train, bytes);
        TokenStoreException e = assertThrows(TokenStoreException.class, () -> TokenStore.open(folder));
        assertTrue(e.getMessage().contains("has sha256 " + TokenFolderFixture.sha256(bytes)), e.getMessage());
        assertTrue(e.getMessage().contains("changed after it was prepared"), e.getMessage());
        // Skipping verification opens the same folder (and reads the changed token).
        TokenStore store = TokenStore.open(folder, TokenStore.Verification.SKIP_SHA256);
        assertEquals(expectedChunk("train", 0, 4, 1000)[2] ^ 0x100, store.chunk(Subset.TRAIN, 0)[2]);
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1);
        Path train = folder.resolve("train.bin");
        byte[] bytes = Files.readAllBytes(train);
        Files.write(train, java.util.Arrays.copyOf(bytes, bytes.length - 2));
        TokenStoreException e = assertThrows(TokenStoreException.class,
                () -> TokenStore.open(folder, TokenStore.Verification.SKIP_SHA256));
        // 1024 + 3 chunks * 4 tokens * 2 bytes = 1048 needed; 1046 present.
        assertTrue(e.getMessage().contains("holds 1046 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 1048"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated or damaged"), e.getMessage());
    }

    @Test
    void rejectsAHeaderThatDisagreesWithTheManifest() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1);
        overwriteInt(folder.resolve("train.bin"), 20, 999); // vocab_size field
        TokenStoreException e = assertThrows(TokenStoreException.class,
                () -> TokenStore.open(folder, TokenStore.Verification.SKIP_SHA256));
        assertTrue(e.getMessage().contains("vocab_size 999 in its header, but the data manifest says tokenizer.vocab_size = 1000"),
                e.getMessage());
    }

    @Test
    void namesMissingManifestFields() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1);
        TokenFolderFixture.replaceInManifest(folder, "\"eos_id\": 0, ", "");
        TokenStoreException e = assertThrows(TokenStoreException.class, () -> TokenStore.open(folder));
        assertTrue(e.getMessage().contains("lacks the field(s) tokenizer.eos_id"), e.getMessage());
    }

    @Test
    void rejectsAVocabularyTooLargeForUint16() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 3, 1);
        TokenFolderFixture.replaceInManifest(folder, "\"vocab_size\": 1000", "\"vocab_size\": 70000");
        TokenStoreException e = assertThrows(TokenStoreException.class, () -> TokenStore.open(folder));
        assertTrue(e.getMessage().contains("vocab_size 70000, which does not fit dtype uint16"), e.getMessage());
    }

    @Test
    void mapsLargeFilesAsSeveralSegmentsWithoutChangingWhatIsRead() throws IOException {
        Path folder = TokenFolderFixture.write(temp.resolve("d"), "uint16", 4, 1000, 0, 7, 1);
        TokenStore reference = TokenStore.open(folder);
        // 3 chunks of 8 bytes per 24-byte segment: segments hold chunks {0,1,2}, {3,4,5}, {6}.
        TokenFile segmented = TokenFile.open(folder.resolve("train.bin"), reference.manifest(), Subset.TRAIN, false, 24);
        IntBuffer out = IntBuffer.allocate(4);
        for (int c = 0; c < 7; c++) {
            segmented.copyChunk(c, out, 0);
            assertArrayEquals(expectedChunk("train", c, 4, 1000), out.array(), "chunk " + c);
        }
    }

    @Test
    void theWriterProducesAFolderTheReaderAccepts() throws IOException {
        int[] train = TokenFolderFixture.tokens("train", 3, 5, 300);
        int[] val = TokenFolderFixture.tokens("val", 2, 5, 300);
        TokenStoreWriter.write(temp.resolve("w"), "uint16", 5, 300, 2, train, val);
        TokenStore store = TokenStore.open(temp.resolve("w"));
        assertArrayEquals(expectedChunk("train", 1, 5, 300), store.chunk(Subset.TRAIN, 1));
        assertArrayEquals(expectedChunk("val", 1, 5, 300), store.chunk(Subset.VAL, 1));
        // The writer's token files are byte-identical to the fixture's independent encoding.
        assertArrayEquals(TokenFolderFixture.tokenFile(2, 5, 300, train), Files.readAllBytes(temp.resolve("w/train.bin")));
    }

    private static int[] expectedChunk(String split, int chunk, int seqLen, int vocab) {
        int[] out = new int[seqLen];
        for (int t = 0; t < seqLen; t++) {
            out[t] = TokenFolderFixture.token(split, chunk, t, vocab);
        }
        return out;
    }

    private static void overwriteInt(Path file, int offset, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        Files.write(file, bytes);
    }
}
