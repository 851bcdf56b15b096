package dev.paradigm.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How samples begin. A model that opens most stories alike ("once upon a time") shows it here before it
 * shows in Distinct-n. Samples without words have no opening but still count in N.
 */
public final class Openings {
    public static final int OPENING_WORDS = 5;

    private final TokenCorpus words;
    private final String topFirstWord; // null when no sample has a word

    public Openings(TokenCorpus words) {
        this.words = words;
        this.topFirstWord = mostCommonFirstWord(words);
    }

    /** The most common first word; ties go to the alphabetically first; null when no sample has a word. */
    public String topFirstWord() {
        return topFirstWord;
    }

    /** Per sample: 1 when it begins with {@link #topFirstWord}, else 0. Their mean is the share. */
    public double[] beginsWithTopWord() {
        double[] indicator = new double[words.size()];
        for (int s = 0; s < indicator.length; s++) {
            indicator[s] = words.length(s) > 0 && words.word(words.token(s, 0)).equals(topFirstWord) ? 1.0 : 0.0;
        }
        return indicator;
    }

    /** Different first words / N, over the samples drawn. */
    public Bootstrap.PooledStatistic distinctFirstWords() {
        return timesDrawn -> distinctOpenings(timesDrawn, 1);
    }

    /** Different openings (the first five words, or the whole sample when shorter) / N, over the samples drawn. */
    public Bootstrap.PooledStatistic distinctOpenings() {
        return timesDrawn -> distinctOpenings(timesDrawn, OPENING_WORDS);
    }

    private double distinctOpenings(int[] timesDrawn, int length) {
        Set<List<Integer>> seen = new HashSet<>();
        for (int s = 0; s < timesDrawn.length; s++) {
            if (timesDrawn[s] > 0 && words.length(s) > 0) {
                seen.add(opening(s, length));
            }
        }
        return (double) seen.size() / timesDrawn.length;
    }

    private List<Integer> opening(int sample, int length) {
        Integer[] tokens = new Integer[Math.min(length, words.length(sample))];
        for (int p = 0; p < tokens.length; p++) {
            tokens[p] = words.token(sample, p);
        }
        return Arrays.asList(tokens);
    }

    private static String mostCommonFirstWord(TokenCorpus words) {
        Map<String, Integer> counts = new HashMap<>();
        for (int s = 0; s < words.size(); s++) {
            if (words.length(s) > 0) {
                counts.merge(words.word(words.token(s, 0)), 1, Integer::sum);
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int bestCount = best == null ? 0 : counts.get(best);
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
            }
        }
        return best;
    }
}
