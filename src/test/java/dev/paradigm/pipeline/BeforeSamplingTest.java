package dev.paradigm.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.MemorizationConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.data.TokenStoreWriter;
import dev.paradigm.memorization.TrainIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memorization index's memory is checked against its budget and Java's heap before anything is sampled. */
class BeforeSamplingTest {

    private static TokenStore store(Path dir) throws Exception {
        int[] train = new int[64 * 1000];
        for (int i = 0; i < train.length; i++) {
            train[i] = 1 + i % 200;
        }
        int[] val = new int[64];
        java.util.Arrays.fill(val, 7);
        TokenStoreWriter.write(dir, "uint16", 64, 300, 0, train, val);
        return TokenStore.open(dir);
    }

    @Test
    void anIndexWithinBudgetAndHeapPasses(@TempDir Path tmp) throws Exception {
        List<String> problems = new ArrayList<>();
        BeforeSampling.memoryBound(new MemorizationConfig(16, List.of(8)), store(tmp), 1L << 30, problems);
        assertEquals(List.of(), problems);
        BeforeSampling.memoryBound(new MemorizationConfig(0, List.of(8)), store(tmp.resolve("b")), 0, problems);
        assertEquals(List.of(), problems, "a budget of 0 skips memorization, so nothing needs to fit");
    }

    @Test
    void anIndexLargerThanTheHeapNamesTheKeyAndTheHeapToGive(@TempDir Path tmp) throws Exception {
        TokenStore store = store(tmp);
        long need = TrainIndex.estimateBytes(64_000, 64, 300);
        List<String> problems = new ArrayList<>();
        BeforeSampling.memoryBound(new MemorizationConfig(1024, List.of(8)), store, need - 1, problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("this Java process may use only"), problems.get(0));
        assertTrue(problems.get(0).contains("evaluate.memorization.max_index_mib to 0"), problems.get(0));
    }
}
