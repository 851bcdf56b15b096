package dev.paradigm.metrics;

import java.util.Arrays;

/**
 * A map from {@code long} keys to dense {@code int} ids (0, 1, 2, … in order of first sight), with open
 * addressing and no boxing: the n-gram interning in {@link NgramIndex} does one lookup per token and
 * order, so a {@code HashMap<Long, Integer>} would dominate the Self-BLEU time.
 */
final class LongIntHashMap {
    private static final int EMPTY = -1;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        allocate(capacity);
    }

    int size() {
        return size;
    }

    /** The id of {@code key}, assigning the next id when the key is new. */
    int idOf(long key) {
        int slot = slotOf(key);
        while (values[slot] != EMPTY) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = size;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    private int slotOf(long key) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads the packed (prefix, token) pairs
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, EMPTY);
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                while (values[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
