package dev.paradigm.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic samples for tests and the benchmark: words drawn from a Zipf-like vocabulary (word of
 * rank r has weight 1 / r^exponent), so that, as in real text, a few words are everywhere and n-grams repeat
 * across samples. Texts vary in spacing and capitals, which the word tokenizer must undo.
 */
public final class ZipfTextGenerator {
    private static final String[] SPACES = {" ", " ", " ", " ", "  ", "\t", "\n"};
    private final double[] cumulative;
    private final Random random;

    public ZipfTextGenerator(int vocabularySize, double exponent, long seed) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("The vocabulary needs at least 1 word; found " + vocabularySize + ".");
        }
        cumulative = new double[vocabularySize];
        double total = 0.0;
        for (int rank = 1; rank <= vocabularySize; rank++) {
            total += 1.0 / Math.pow(rank, exponent);
            cumulative[rank - 1] = total;
        }
        random = new Random(seed);
    }

    /** {@code count} texts, each of a length drawn uniformly from {@code minWords..maxWords}. */
    public List<String> texts(int count, int minWords, int maxWords) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int words = minWords + random.nextInt(maxWords - minWords + 1);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    text.append(SPACES[random.nextInt(SPACES.length)]);
                }
                String word = wordOfRank(drawRank());
                text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private int drawRank() {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, u);
        return index >= 0 ? index : -index - 1;
    }

    /** A pronounceable name for a rank: consonant-vowel syllables in base 5 × 21. */
    static String wordOfRank(int rank) {
        final String consonants = "bcdfghjklmnpqrstvwxyz";
        final String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        int r = rank;
        do {
            word.append(consonants.charAt(r % consonants.length()));
            r /= consonants.length();
            word.append(vowels.charAt(r % vowels.length()));
            r /= vowels.length();
        } while (r > 0);
        return word.toString();
    }
}
