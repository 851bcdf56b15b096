package dev.paradigm.engine;

import java.util.List;

/**
 * What one {@link Engine#sample} call returns: each sample's token ids (the prompt first), its decoded text, and the
 * ids of the prompt it started from.
 *
 * @param ids       one row per sample, of the requested length
 * @param texts     the text of each row (a leading end-of-story token skipped; cut at the first end-of-story token
 *                  after it when stop_at_eos), or null when the engine has no tokenizer
 * @param promptIds the prompt as token ids (empty: unconditional)
 */
public record Samples(int[][] ids, List<String> texts, List<Integer> promptIds) {
    public Samples {
        texts = texts == null ? null : List.copyOf(texts);
        promptIds = List.copyOf(promptIds);
    }
}
