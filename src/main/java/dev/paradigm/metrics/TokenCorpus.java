package dev.paradigm.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of one paradigm as integer token sequences: either the paper's words (each distinct word
 * given an int) or the model's token ids as they are. Every metric runs on this one shape.
 */
public final class TokenCorpus {
    private final int[][] samples;
    private final List<String> words; // word of each token number; empty for a corpus of model ids

    private TokenCorpus(int[][] samples, List<String> words) {
        this.samples = samples;
        this.words = words;
    }

    /** The words of each text ({@link WordTokenizer}), each distinct word numbered in order of first sight. */
    public static TokenCorpus ofWords(List<String> texts) {
        Map<String, Integer> numbers = new HashMap<>();
        List<String> wordOfNumber = new ArrayList<>();
        int[][] samples = new int[texts.size()][];
        for (int i = 0; i < samples.length; i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new IllegalArgumentException("Sample " + i + " has no text (null); expected a string, "
                        + "which may be empty.");
            }
            List<String> words = WordTokenizer.words(text);
            samples[i] = new int[words.size()];
            for (int j = 0; j < words.size(); j++) {
                samples[i][j] = numbers.computeIfAbsent(words.get(j), w -> {
                    wordOfNumber.add(w);
                    return wordOfNumber.size() - 1;
                });
            }
        }
        return new TokenCorpus(samples, List.copyOf(wordOfNumber));
    }

    /** The token ids of each sample, copied; the caller has already cut them where the sample ends. */
    public static TokenCorpus ofIds(int[][] ids) {
        int[][] samples = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                throw new IllegalArgumentException("Sample " + i + " has no token ids (null); expected an "
                        + "int array, which may be empty.");
            }
            samples[i] = ids[i].clone();
        }
        return new TokenCorpus(samples, List.of());
    }

    public int size() {
        return samples.length;
    }

    public int length(int sample) {
        return samples[sample].length;
    }

    /** Token {@code position} of sample {@code sample}. */
    public int token(int sample, int position) {
        return samples[sample][position];
    }

    /** The word numbered {@code token} in a corpus built by {@link #ofWords}. */
    public String word(int token) {
        if (words.isEmpty()) {
            throw new IllegalStateException("This corpus holds model token ids, not words; only a corpus built "
                    + "by TokenCorpus.ofWords can name its tokens.");
        }
        return words.get(token);
    }

    public long totalTokens() {
        long total = 0;
        for (int[] sample : samples) {
            total += sample.length;
        }
        return total;
    }
}
