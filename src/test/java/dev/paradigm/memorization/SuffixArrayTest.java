package dev.paradigm.memorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SA-IS against sorting the suffixes one by one. */
class SuffixArrayTest {

    /** Suffixes compared symbol by symbol; a proper prefix is smaller (the virtual sentinel). */
    static int[] bruteForce(int[] text) {
        Integer[] order = new Integer[text.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int k = 0;
            while (a + k < text.length && b + k < text.length && text[a + k] == text[b + k]) {
                k++;
            }
            if (a + k == text.length || b + k == text.length) {
                return Integer.compare(text.length - a, text.length - b); // the shorter suffix ran out first
            }
            return Integer.compare(text[a + k], text[b + k]);
        });
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void tinyAndDegenerateTexts() {
        int[][] texts = {{}, {0}, {3}, {1, 1}, {2, 1}, {1, 2}, {0, 0, 0, 0, 0, 0, 0}, {5, 4, 3, 2, 1, 0}, {0, 1, 2, 3, 4, 5},
            {1, 0, 1, 0, 1, 0, 1, 0}, {2, 1, 2, 1, 2, 1, 2}, {0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0}};
        for (int[] text : texts) {
            assertArrayEquals(bruteForce(text), SuffixArray.of(text, 6), Arrays.toString(text));
        }
    }

    @Test
    void randomTextsWithManyRepeats() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 400; trial++) {
            int alphabet = 1 + random.nextInt(trial % 2 == 0 ? 3 : 40);
            int[] text = new int[random.nextInt(300)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(alphabet);
            }
            assertArrayEquals(bruteForce(text), SuffixArray.of(text, alphabet), "trial " + trial);
        }
    }

    @Test
    void periodicAndFibonacciTextsRecurseDeeply() {
        // Fibonacci words and repeated blocks make many equal LMS substrings, so the reduction recurses several times.
        StringBuilder a = new StringBuilder("0");
        StringBuilder b = new StringBuilder("01");
        while (b.length() < 5000) {
            StringBuilder next = new StringBuilder(b).append(a);
            a = b;
            b = next;
        }
        int[] fibonacci = b.chars().map(c -> c - '0').toArray();
        assertArrayEquals(bruteForce(fibonacci), SuffixArray.of(fibonacci, 2));
        SplittableRandom random = new SplittableRandom(3);
        int[] block = random.ints(37, 0, 9).toArray();
        int[] repeated = new int[37 * 60 + 5];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = i % 97 == 0 ? 9 : block[i % 37];
        }
        assertArrayEquals(bruteForce(repeated), SuffixArray.of(repeated, 10));
    }

    @Test
    void aTokenOutsideTheAlphabetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SuffixArray.of(new int[] {0, 3}, 3));
        assertThrows(IllegalArgumentException.class, () -> SuffixArray.of(new int[] {-1}, 3));
    }
}
