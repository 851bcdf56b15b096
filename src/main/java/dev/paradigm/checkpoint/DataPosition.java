package dev.paradigm.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where in the batch stream a checkpoint stands.
 *
 * @param step the schedule step of the next batch to consume, equal to the number of batches consumed
 * @param streamDigest the stream digest ({@code dev.paradigm.data.StreamDigest}) over batches {@code 0..step-1}
 */
public record DataPosition(long step, @JsonProperty("stream_digest") String streamDigest) {}
