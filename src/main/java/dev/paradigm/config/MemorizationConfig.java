package dev.paradigm.config;

import java.util.List;

/**
 * The {@code evaluate.memorization} section: how much of each paradigm's samples occurs verbatim in the training
 * tokens (a suffix array over them, {@code dev.paradigm.memorization}), beside held-out validation text.
 *
 * @param maxIndexMib the most memory the suffix-array index may take, in MiB; 0 skips the measurement. Checked
 *                    against the training split's size (and Java's heap) before anything is sampled
 * @param orders      the n-gram lengths whose copied share is reported, e.g. [8, 16, 32]
 */
public record MemorizationConfig(long maxIndexMib, List<Integer> orders) {
    public MemorizationConfig {
        orders = orders == null ? null : List.copyOf(orders);
    }
}
