package dev.paradigm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamDigestTest {
    @TempDir
    Path temp;

    @Test
    void chainsSha256OverLittleEndianBatches() {
        StreamDigest digest = StreamDigest.start();
        assertEquals("0".repeat(64), digest.hex());
        // Python: hashlib.sha256(b"\0" * 32 + struct.pack("<4i", 1, 2, 3, -1)).hexdigest()
        digest.update(IntBuffer.wrap(new int[] {1, 2, 3, -1}));
        assertEquals("5a66d442560d199a31cfcd53b3705ba5527385ebcbeeff33a248820035f658aa", digest.hex());
        // Python: hashlib.sha256(bytes.fromhex(<the above>) + struct.pack("<2i", 65535, 7)).hexdigest()
        digest.update(IntBuffer.wrap(new int[] {65535, 7}));
        assertEquals("31a5bd94918a33d616e17fb53234dbc84b1701adeae89dfd4d8864e8481c439e", digest.hex());
    }

    @Test
    void theByteOrderOfTheCallersBufferDoesNotMatter() {
        int[] batch = {5, -9, 123456789, 0};
        StreamDigest fromBigEndian = StreamDigest.start();
        IntBuffer big = ByteBuffer.allocateDirect(16).order(ByteOrder.BIG_ENDIAN).asIntBuffer().put(batch);
        fromBigEndian.update(big);
        StreamDigest fromArray = StreamDigest.start();
        fromArray.update(IntBuffer.wrap(batch));
        assertEquals(fromArray.hex(), fromBigEndian.hex());
    }

    @Test
    void equalStreamsGiveEqualDigestsAndAnyChangeGivesAnother() {
        int[][] stream = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        String reference = digestOf(stream);
        assertEquals(reference, digestOf(new int[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));
        assertNotEquals(reference, digestOf(new int[][] {{1, 2, 3}, {4, 5, 7}, {7, 8, 9}}), "one token changed");
        assertNotEquals(reference, digestOf(new int[][] {{4, 5, 6}, {1, 2, 3}, {7, 8, 9}}), "two batches swapped");
        assertNotEquals(reference, digestOf(new int[][] {{1, 2, 3, 4}, {5, 6}, {7, 8, 9}}), "batch boundary moved");
    }

    @Test
    void aRestoredChainContinuesExactly() {
        StreamDigest first = StreamDigest.start();
        first.update(IntBuffer.wrap(new int[] {1, 2}));
        first.update(IntBuffer.wrap(new int[] {3, 4}));
        StreamDigest resumed = StreamDigest.restore(first.hex());
        first.update(IntBuffer.wrap(new int[] {5, 6}));
        resumed.update(IntBuffer.wrap(new int[] {5, 6}));
        assertEquals(first.hex(), resumed.hex());
        assertEquals(digestOf(new int[][] {{1, 2}, {3, 4}, {5, 6}}), resumed.hex());
    }

    @Test
    void restoreRejectsSomethingThatIsNotADigest() {
        IllegalArgumentException shortHex = assertThrows(IllegalArgumentException.class, () -> StreamDigest.restore("abc"));
        assertTrue(shortHex.getMessage().contains("64 hex characters, but got 'abc' (3 characters)"), shortHex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StreamDigest.restore("z".repeat(64)));
    }

    @Test
    void digestingChunksFromTheStoreEqualsDigestingTheAssembledBatch() throws IOException {
        TokenStore store = TokenStore.open(TokenFolderFixture.write(temp.resolve("d"), "uint16", 16, 65536, 0, 20, 2));
        BatchSchedule schedule = new BatchSchedule(11, 20, 6);
        BatchAssembler assembler = new BatchAssembler(store, schedule);
        StreamDigest fromBuffer = StreamDigest.start();
        StreamDigest fromChunks = StreamDigest.start();
        for (int step = 0; step < 5; step++) {
            fromBuffer.update(assembler.assemble(step));
            fromChunks.update(store, Subset.TRAIN, schedule.globalBatchIndices(step));
            assertEquals(fromBuffer.hex(), fromChunks.hex(), "step " + step);
        }
    }

    private static String digestOf(int[][] batches) {
        StreamDigest digest = StreamDigest.start();
        for (int[] batch : batches) {
            digest.update(IntBuffer.wrap(batch));
        }
        return digest.hex();
    }
}
