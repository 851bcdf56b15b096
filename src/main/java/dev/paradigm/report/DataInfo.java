package dev.paradigm.report;

/**
 * What {@code data/manifest.json} says about the token store both paradigms trained on.
 *
 * @param unigramEntropyNats entropy of the training unigram distribution, or null when the manifest lacks it
 */
public record DataInfo(String sourceType, String tokenizerKind, int vocabSize, String tokenizerSha256,
                       int seqLen, long trainTokens, long valTokens, Double unigramEntropyNats) {}
