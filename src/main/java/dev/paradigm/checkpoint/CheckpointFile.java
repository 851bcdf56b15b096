package dev.paradigm.checkpoint;

/**
 * One file of a checkpoint as its manifest records it.
 *
 * @param name the path relative to the checkpoint folder, with {@code /} separators
 */
public record CheckpointFile(String name, long size, String sha256) {}
