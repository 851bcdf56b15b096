package dev.paradigm.memorization;

import dev.paradigm.metrics.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Memorization#measure} found for one set of sequences.
 *
 * @param sequences        how many sequences were measured
 * @param copiedShare      by n-gram order: the share of all n-grams that occur verbatim in the training tokens
 * @param meanLongestSpan  the mean over sequences of each one's longest copied span, in tokens
 * @param maxSpan          the longest copied span of any sequence, in tokens
 * @param maxSpanSequence  which sequence holds it (index into the measured array)
 * @param maxSpanStart     where the span starts in that sequence (-1 when no token matched)
 * @param maxSpanTrainPosition where it occurs in the training split, as a token index (-1 when no token matched)
 */
public record MemorizationResult(int sequences, Map<Integer, Estimate> copiedShare, Estimate meanLongestSpan, int maxSpan,
        int maxSpanSequence, int maxSpanStart, long maxSpanTrainPosition) {

    public MemorizationResult {
        copiedShare = Collections.unmodifiableMap(new LinkedHashMap<>(copiedShare)); // keeps the order of the orders
    }
}
