package dev.paradigm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GrammarCheckTest {
    private static GrammarCheck check;

    @BeforeAll
    static void buildTheCheckerOnce() {
        check = GrammarCheck.english();
    }

    @Test
    void aCleanSentenceHasNoErrors() {
        GrammarCheck.Counts c = check.check("Once upon a time, there was a little girl named Lily. She liked to play in the park.");
        assertEquals(0, c.grammar());
        assertEquals(18, c.words()); // Once upon a time, there was a little girl named Lily. = 11; She liked to play in the park. = 7
    }

    @Test
    void agreementErrorsAreGrammarErrors() {
        // "She like" and "they plays": two subject-verb agreement errors.
        GrammarCheck.Counts c = check.check("She like to play with her dog. Then they plays all day.");
        assertEquals(2, c.grammar());
        assertEquals(0, c.spelling());
    }

    @Test
    void misspellingsAreCountedApart() {
        GrammarCheck.Counts c = check.check("The little dgo ran to the park.");
        assertEquals(1, c.spelling());
        assertEquals(0, c.grammar());
    }

    @Test
    void straightQuotesInDialogueAreNotErrors() {
        GrammarCheck.Counts c = check.check("\"Can I play with it?\" she asked. Her mom said, \"Yes, you can.\"");
        assertEquals(0, c.grammar());
    }

    @Test
    void ratePer100WordsIsARatioOfSums() {
        // 3 errors over 10 + 20 words = 10 per 100 words (not the mean of 20 and 5 = 12.5).
        List<GrammarCheck.Counts> counts = List.of(new GrammarCheck.Counts(2, 0, 10), new GrammarCheck.Counts(1, 4, 20));
        Estimate grammar = GrammarCheck.perHundredWords(counts, false, new Bootstrap(2, 200, 7));
        assertEquals(10.0, grammar.value(), 1e-12);
        assertTrue(grammar.contains(10.0));
        Estimate spelling = GrammarCheck.perHundredWords(counts, true, new Bootstrap(2, 200, 7));
        assertEquals(100.0 * 4 / 30, spelling.value(), 1e-12);
    }
}
