package dev.paradigm.report;

/** One generated text from {@code samples.jsonl}; the text is raw model output and must be escaped. */
public record Sample(int index, String text) {}
