package dev.paradigm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    @Test
    void lowerCasesAndSplitsOnAnyRunOfWhitespaceLikePython() {
        // Python: "  Once upon\ta  TIME,\n\nthe end ".lower().split() == ['once', 'upon', 'a', 'time,', 'the', 'end']
        assertEquals(List.of("once", "upon", "a", "time,", "the", "end"),
                WordTokenizer.words("  Once upon\ta  TIME,\n\nthe end "));
    }

    @Test
    void splitsOnUnicodeSpacesThatJavaRegexWouldMiss() {
        // Python: "a\u00a0b\u3000c\u0085d".split() == ['a', 'b', 'c', 'd'] (NBSP, ideographic space, NEL)
        assertEquals(List.of("a", "b", "c", "d"), WordTokenizer.words("a\u00a0b\u3000c\u0085d"));
    }

    @Test
    void emptyAndBlankTextsHaveNoWords() {
        assertEquals(List.of(), WordTokenizer.words(""));
        assertEquals(List.of(), WordTokenizer.words(" \t\n "));
    }
}
