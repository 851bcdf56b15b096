package dev.paradigm.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How samples begin. A model that opens most stories alike ("once upon a time") shows it here before it
 * shows in Distinct-n. Samples without words have no opening but still count in N.
 */
public final class Openings {
    public static final int OPENING_WORDS = 5;

    private static final int NO_OPENING = -1;
    private final TokenCorpus words;
    private final String topFirstWord; // null when no sample has a word
    private final int[] firstWordIds; // [sample]: a number per different first word, NO_OPENING if empty
    private final int[] openingIds; // [sample]: a number per different five-word opening

    public Openings(TokenCorpus words) {
        this.words = words;
        this.topFirstWord = mostCommonFirstWord(words);
        this.firstWordIds = numberOpenings(words, 1);
        this.openingIds = numberOpenings(words, OPENING_WORDS);
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
        return timesDrawn -> distinctShare(firstWordIds, timesDrawn);
    }

    /** Different openings (the first five words, or the whole sample when shorter) / N, over the samples drawn. */
    public Bootstrap.PooledStatistic distinctOpenings() {
        return timesDrawn -> distinctShare(openingIds, timesDrawn);
    }

    private static double distinctShare(int[] openingOfSample, int[] timesDrawn) {
        boolean[] seen = new boolean[openingOfSample.length]; // opening numbers are below the sample count
        int different = 0;
        for (int s = 0; s < timesDrawn.length; s++) {
            int opening = openingOfSample[s];
            if (timesDrawn[s] > 0 && opening != NO_OPENING && !seen[opening]) {
                seen[opening] = true;
                different++;
            }
        }
        return (double) different / timesDrawn.length;
    }

    /** Numbers each sample's opening of up to {@code length} words: equal openings, equal numbers. */
    private static int[] numberOpenings(TokenCorpus words, int length) {
        Map<List<Integer>, Integer> numbers = new HashMap<>();
        int[] ids = new int[words.size()];
        for (int s = 0; s < ids.length; s++) {
            if (words.length(s) == 0) {
                ids[s] = NO_OPENING;
                continue;
            }
            Integer[] tokens = new Integer[Math.min(length, words.length(s))];
            for (int p = 0; p < tokens.length; p++) {
                tokens[p] = words.token(s, p);
            }
            ids[s] = numbers.computeIfAbsent(Arrays.asList(tokens), k -> numbers.size());
        }
        return ids;
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
