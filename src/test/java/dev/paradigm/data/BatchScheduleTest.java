package dev.paradigm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values come from src/test/resources/dev/paradigm/data/batch_schedule_reference.py. */
class BatchScheduleTest {

    @Test
    void splitMix64MatchesTheReferenceImplementation() {
        // Also the published outputs of Vigna's splitmix64.c for seed 1234567.
        SplitMix64 random = new SplitMix64(1234567);
        long[] expected = {6457827717110365317L, 3203168211198807973L, Long.parseUnsignedLong("9817491932198370423"),
                4593380528125082431L, Long.parseUnsignedLong("16408922859458223821")};
        for (long value : expected) {
            assertEquals(value, random.next());
        }
    }

    @Test
    void permutationsAndBatchesMatchTheReference() {
        BatchSchedule schedule = new BatchSchedule(42, 10, 4);
        assertArrayEquals(new int[] {0, 9, 5, 8, 6, 4, 7, 2, 1, 3}, schedule.epochPermutation(0));
        assertArrayEquals(new int[] {6, 9, 1, 5, 0, 8, 4, 2, 3, 7}, schedule.epochPermutation(1));
        int[][] batches = {{0, 9, 5, 8}, {6, 4, 7, 2}, {1, 3, 6, 9}, {1, 5, 0, 8}, {4, 2, 3, 7}, {9, 4, 1, 3}};
        for (int step = 0; step < batches.length; step++) {
            assertArrayEquals(batches[step], schedule.globalBatchIndices(step), "step " + step);
        }
        assertArrayEquals(new int[] {1, 0, 6, 5, 4, 2, 3}, new BatchSchedule(-1, 7, 3).epochPermutation(3));
    }

    @Test
    void everyEpochIsAPermutationAndEpochsDiffer() {
        BatchSchedule schedule = new BatchSchedule(1337, 1000, 32);
        int[] previous = null;
        for (int epoch = 0; epoch < 4; epoch++) {
            int[] permutation = schedule.epochPermutation(epoch);
            int[] sorted = permutation.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                assertEquals(i, sorted[i], "epoch " + epoch + " is not a permutation of 0..999");
            }
            if (previous != null) {
                assertFalse(Arrays.equals(previous, permutation), "epoch " + epoch + " repeats the previous order");
            }
            previous = permutation;
        }
    }

    @Test
    void theStreamIsTheEpochPermutationsLaidEndToEndEvenWhenABatchSpansSeveralEpochs() {
        BatchSchedule schedule = new BatchSchedule(5, 3, 7); // B > N: every batch touches 3 or 4 epochs
        List<Integer> stream = new ArrayList<>();
        for (int epoch = 0; epoch < 10; epoch++) {
            for (int index : new BatchSchedule(5, 3, 7).epochPermutation(epoch)) {
                stream.add(index);
            }
        }
        for (int step = 0; step < 4; step++) {
            int[] batch = schedule.globalBatchIndices(step);
            for (int row = 0; row < 7; row++) {
                assertEquals(stream.get(step * 7 + row), batch[row], "step " + step + " row " + row);
            }
        }
    }

    @Test
    void aRestartedScheduleGivesTheSameBatchesAsAnUninterruptedOne() {
        BatchSchedule uninterrupted = new BatchSchedule(99, 50, 8);
        List<int[]> seen = new ArrayList<>();
        for (int step = 0; step < 30; step++) { // 30 * 8 = 240 positions: almost five epochs
            seen.add(uninterrupted.globalBatchIndices(step));
        }
        for (int k : new int[] {0, 6, 7, 13, 29}) {
            BatchSchedule restarted = new BatchSchedule(99, 50, 8);
            for (int step = k; step < 30; step++) {
                assertArrayEquals(seen.get(step), restarted.globalBatchIndices(step), "restart at " + k + ", step " + step);
            }
        }
        // Asking out of order (back to an earlier epoch) changes nothing either.
        assertArrayEquals(seen.get(2), uninterrupted.globalBatchIndices(2));
        assertFalse(Arrays.equals(seen.get(0), new BatchSchedule(100, 50, 8).globalBatchIndices(0)), "another seed, same order");
    }

    @Test
    void ranksPartitionTheGlobalBatchExactly() {
        BatchSchedule schedule = new BatchSchedule(3, 37, 8);
        for (int world : new int[] {1, 2, 4}) {
            for (int step = 0; step < 12; step++) {
                int[] global = schedule.globalBatchIndices(step);
                int[] joined = new int[0];
                for (int rank = 0; rank < world; rank++) {
                    int[] part = schedule.rankBatchIndices(step, rank, world);
                    assertEquals(8 / world, part.length);
                    int[] next = Arrays.copyOf(joined, joined.length + part.length);
                    System.arraycopy(part, 0, next, joined.length, part.length);
                    joined = next;
                }
                assertArrayEquals(global, joined, "world " + world + ", step " + step);
            }
        }
    }

    @Test
    void aBatchSizeThatTheWorldSizeDoesNotDivideIsRefused() {
        BatchSchedule schedule = new BatchSchedule(3, 37, 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schedule.rankBatchIndices(0, 0, 4));
        assertTrue(e.getMessage().contains("batch size 30 is not divisible by the world size 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> schedule.rankBatchIndices(0, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> schedule.globalBatchIndices(-1));
        assertThrows(IllegalArgumentException.class, () -> new BatchSchedule(3, 0, 4));
    }
}
