package dev.paradigm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationBatchesTest {
    private static final int SEQ_LEN = 5;

    @TempDir
    Path temp;

    private TokenStore store;

    @BeforeEach
    void writeStore() throws IOException {
        store = TokenStore.open(TokenFolderFixture.write(temp.resolve("d"), "int32", SEQ_LEN, 500, 0, 3, 10));
    }

    @Test
    void coversTheValidationChunksInOrderWithASmallerLastBatch() {
        ValidationBatches batches = new ValidationBatches(store, 4, 0);
        assertEquals(3, batches.batchCount()); // 10 chunks in 4 + 4 + 2
        assertEquals(10, batches.chunksUsed());
        int[] expectedRows = {4, 4, 2};
        int chunk = 0;
        for (int k = 0; k < 3; k++) {
            assertEquals(expectedRows[k], batches.rows(k));
            IntBuffer batch = batches.fill(k);
            assertTrue(batch.isDirect());
            assertEquals(expectedRows[k] * SEQ_LEN, batch.capacity(), "capacity is exactly rows x seq_len");
            for (int row = 0; row < expectedRows[k]; row++, chunk++) {
                for (int t = 0; t < SEQ_LEN; t++) {
                    assertEquals(TokenFolderFixture.token("val", chunk, t, 500), batch.get(row * SEQ_LEN + t));
                }
            }
        }
        assertEquals(10, chunk);
    }

    @Test
    void aBatchLimitTakesTheFirstBatchesOnly() {
        ValidationBatches two = new ValidationBatches(store, 4, 2);
        assertEquals(2, two.batchCount());
        assertEquals(8, two.chunksUsed());
        assertEquals(4, two.rows(1));
        assertEquals(TokenFolderFixture.token("val", 7, 4, 500), two.fill(1).get(3 * SEQ_LEN + 4));
        assertEquals(3, new ValidationBatches(store, 4, 50).batchCount(), "a limit above the set size uses the whole set");
        assertThrows(IndexOutOfBoundsException.class, () -> two.fill(2));
    }

    @Test
    void aChunkLimitTakesTheFirstChunksInBatchesWithASmallerLastOne() {
        ValidationBatches seven = ValidationBatches.firstChunks(store, 4, 7);
        assertEquals(2, seven.batchCount()); // 7 chunks in 4 + 3
        assertEquals(7, seven.chunksUsed());
        assertEquals(3, seven.rows(1));
        assertEquals(3 * SEQ_LEN, seven.fill(1).capacity());
        assertEquals(TokenFolderFixture.token("val", 6, 2, 500), seven.fill(1).get(2 * SEQ_LEN + 2));
        assertEquals(10, ValidationBatches.firstChunks(store, 4, 1600).chunksUsed(), "a limit above the set uses it all");
        assertEquals(10, ValidationBatches.firstChunks(store, 4, 0).chunksUsed());
        assertThrows(IllegalArgumentException.class, () -> ValidationBatches.firstChunks(store, 4, -1));
    }

    @Test
    void refusesNonsenseSizes() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationBatches(store, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ValidationBatches(store, 4, -1));
        assertTrue(e.getMessage().contains("must be 0 (the whole validation set) or more"), e.getMessage());
    }
}
