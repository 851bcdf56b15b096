package dev.paradigm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchAssemblerTest {
    private static final int SEQ_LEN = 8;

    @TempDir
    Path temp;

    private TokenStore store;

    @BeforeEach
    void writeStore() throws IOException {
        store = TokenStore.open(TokenFolderFixture.write(temp.resolve("d"), "uint16", SEQ_LEN, 65536, 0, 13, 3));
    }

    @Test
    void fillsOneDirectNativeOrderBufferWithTheScheduledChunks() {
        BatchSchedule schedule = new BatchSchedule(21, 13, 4);
        BatchAssembler assembler = new BatchAssembler(store, schedule);
        assertTrue(assembler.bytes().isDirect());
        assertEquals(ByteOrder.nativeOrder(), assembler.tokens().order());
        assertEquals(4 * SEQ_LEN, assembler.tokens().capacity());
        for (int step = 0; step < 7; step++) { // 28 rows: crosses two epoch boundaries
            IntBuffer batch = assembler.assemble(step);
            assertSame(assembler.tokens(), batch, "the same buffer is reused every step");
            int[] indices = schedule.globalBatchIndices(step);
            assertArrayEquals(indices, assembler.lastChunkIndices());
            for (int row = 0; row < 4; row++) {
                for (int t = 0; t < SEQ_LEN; t++) {
                    assertEquals(TokenFolderFixture.token("train", indices[row], t, 65536), batch.get(row * SEQ_LEN + t),
                            "step " + step + " row " + row + " position " + t);
                }
            }
        }
    }

    @Test
    void ranksTogetherAssembleTheSingleProcessBatch() {
        BatchSchedule schedule = new BatchSchedule(21, 13, 4);
        BatchAssembler single = new BatchAssembler(store, schedule);
        BatchAssembler rank0 = new BatchAssembler(store, new BatchSchedule(21, 13, 4), 0, 2);
        BatchAssembler rank1 = new BatchAssembler(store, new BatchSchedule(21, 13, 4), 1, 2);
        assertEquals(2, rank0.rows());
        for (int step = 0; step < 5; step++) {
            int[] whole = toArray(single.assemble(step));
            int[] first = toArray(rank0.assemble(step));
            int[] second = toArray(rank1.assemble(step));
            int[] joined = new int[whole.length];
            System.arraycopy(first, 0, joined, 0, first.length);
            System.arraycopy(second, 0, joined, first.length, second.length);
            assertArrayEquals(whole, joined, "step " + step);
        }
    }

    @Test
    void refusesAScheduleBuiltForAnotherStore() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchAssembler(store, new BatchSchedule(1, 12, 4)));
        assertTrue(e.getMessage().contains("covers 12 chunks, but the token store has 13 training chunks"), e.getMessage());
    }

    private static int[] toArray(IntBuffer buffer) {
        int[] out = new int[buffer.capacity()];
        buffer.get(0, out);
        return out;
    }
}
