package dev.paradigm.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's words: a text lower-cased and split on whitespace, as Python's {@code text.lower().split()}.
 *
 * <p>Java's {@code \s} knows only ASCII whitespace, so the split is written out: a character is whitespace
 * when Java calls it whitespace or a space character, or it is NEL (U+0085). That union is exactly the set
 * of code points for which Python's {@code str.isspace()} is true (checked over all of Unicode).
 */
public final class WordTokenizer {
    private WordTokenizer() {}

    /** The words of {@code text}, lower-cased; no empty strings. */
    public static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < lower.length()) {
            int codePoint = lower.codePointAt(i);
            if (isPythonWhitespace(codePoint)) {
                if (start >= 0) {
                    words.add(lower.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }

    static boolean isPythonWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }
}
