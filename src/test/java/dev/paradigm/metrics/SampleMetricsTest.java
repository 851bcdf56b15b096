package dev.paradigm.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.config.Smoothing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleMetricsTest {
    private static final List<String> TEXTS = List.of("the cat sat", "The cat  ran", "a dog");
    private static final int[][] IDS = {{1, 2, 1, 2}, {1, 2}, {7}};

    @Test
    void handWorkedValues() {
        MetricsResult r = SampleMetrics.compute(TEXTS, IDS, new MetricsSettings(1, 100, Smoothing.METHOD1));
        // Words: [the cat sat] [the cat ran] [a dog]: 8 words, 6 different.
        assertEquals(6.0 / 8, r.get("distinct_1").value(), 1e-15);
        // Bigrams: the-cat, cat-sat, the-cat, cat-ran, a-dog: 5, of which 4 different.
        assertEquals(4.0 / 5, r.get("distinct_2").value(), 1e-15);
        // Trigrams: the-cat-sat, the-cat-ran: 2 different of 2. No 4-gram at all: 0.
        assertEquals(1.0, r.get("distinct_3").value(), 1e-15);
        assertEquals(0.0, r.get("distinct_4").value(), 1e-15);
        assertEquals(6.0, r.get("vocabulary").value(), 1e-15);
        assertEquals(8.0 / 3, r.get("mean_words").value(), 1e-15);
        // First words the, the, a: "the" begins 2 of 3; 2 different first words of 3 samples; 3 different openings.
        assertEquals("the", r.topFirstWord());
        assertEquals(2.0 / 3, r.get("top_first_word_share").value(), 1e-15);
        assertEquals(2.0 / 3, r.get("distinct_first_words").value(), 1e-15);
        assertEquals(1.0, r.get("distinct_openings_5").value(), 1e-15);
        // Self-BLEU, method1. "the cat sat" vs {"the cat ran", "a dog"}: p1 = 2/3, p2 = 1/2, p3 = 0 -> 0.1/1,
        // p4 = 0/max(1,0) -> 0.1/1; closest length 3, BP 1: (2/3 * 1/2 * 0.1 * 0.1)^(1/4) = (1/300)^(1/4)
        // = 0.24028114141347542. "the cat ran" the same; "a dog" matches no word: 0. Mean = 2 * 0.24028 / 3.
        assertEquals(0.1601874276089836, r.get("self_bleu").value(), 1e-15);
        // The paper's variant: no sample has a matching 4-gram (none has a 4-gram), so every score is 0.
        assertEquals(0.0, r.get("self_bleu_sampled").value(), 0.0);
        assertEquals(0.0, r.get("repeated_4gram_share").value(), 0.0); // no sample has 4 words
        // Entropy: ln 3 for each 3-word sample (three words once each), ln 2 for "a dog": (2 ln 3 + ln 2) / 3.
        assertEquals(0.963457252632055, r.get("unigram_entropy").value(), 1e-15);
        // Ids [1 2 1 2] [1 2] [7]: 7 tokens, 3 different; bigrams 12 21 12 12: 2 of 4; trigrams 121 212: 2 of 2;
        // one 4-gram 1212: 1 of 1.
        assertEquals(3.0 / 7, r.get("tok_distinct_1").value(), 1e-15);
        assertEquals(0.5, r.get("tok_distinct_2").value(), 1e-15);
        assertEquals(1.0, r.get("tok_distinct_3").value(), 1e-15);
        assertEquals(1.0, r.get("tok_distinct_4").value(), 1e-15);
    }

    @Test
    void pooledStatisticsOfAResampleCountDuplicateDrawsInTotalsOnly() {
        // Draw "the cat sat" twice, "the cat ran" never, "a dog" once.
        int[] timesDrawn = {2, 0, 1};
        TokenCorpus words = TokenCorpus.ofWords(TEXTS);
        NgramIndex index = NgramIndex.build(words, 4);
        // Unigrams: 2 * 3 + 2 = 8 in all; different: the, cat, sat, a, dog = 5.
        assertEquals(5.0 / 8, DistinctNgrams.ratio(index, 1).of(timesDrawn), 1e-15);
        assertEquals(5.0, DistinctNgrams.count(index, 1).of(timesDrawn), 0.0);
        // Bigrams: 2 * 2 + 1 = 5; different: the-cat, cat-sat, a-dog = 3.
        assertEquals(3.0 / 5, DistinctNgrams.ratio(index, 2).of(timesDrawn), 1e-15);
        // First words drawn: the, a -> 2 of N = 3. Openings drawn: "the cat sat", "a dog" -> 2 / 3.
        Openings openings = new Openings(words);
        assertEquals(2.0 / 3, openings.distinctFirstWords().of(timesDrawn), 1e-15);
        assertEquals(2.0 / 3, openings.distinctOpenings().of(timesDrawn), 1e-15);
        // Only "the cat ran" drawn, three times: 1 first word of 3; its 3 different words of 9.
        int[] onlySecond = {0, 3, 0};
        assertEquals(1.0 / 3, openings.distinctFirstWords().of(onlySecond), 1e-15);
        assertEquals(3.0 / 9, DistinctNgrams.ratio(index, 1).of(onlySecond), 1e-15);
    }

    @Test
    void repetitionAndEntropyInsideASample() {
        NgramIndex index = NgramIndex.build(TokenCorpus.ofWords(List.of("a b c d a b c d", "a a b b", "")), 4);
        // "a b c d a b c d": 4-grams abcd bcda cdab dabc abcd: 5, 4 different -> 1 - 4/5 = 0.2.
        // "a a b b": one 4-gram -> 0. Empty: no 4-gram -> 0.
        assertArrayEquals(new double[] {0.2, 0.0, 0.0}, WithinSample.repeatedNgramShare(index, 4), 1e-15);
        // Four words each 1/4: ln 4. Two words each 1/2: ln 2. Empty: 0.
        assertArrayEquals(new double[] {Math.log(4), Math.log(2), 0.0}, WithinSample.unigramEntropy(index), 1e-15);
    }

    @Test
    void firstWordTiesGoToTheAlphabeticallyFirstAndEmptySamplesHaveNone() {
        Openings openings = new Openings(TokenCorpus.ofWords(List.of("zebra a", "apple b", "", "zebra c", "apple d")));
        assertEquals("apple", openings.topFirstWord());
        assertNull(new Openings(TokenCorpus.ofWords(List.of("", " "))).topFirstWord());
    }

    @Test
    void jsonHasTheContractNamesInOrderAndReadsBack() {
        ObjectMapper mapper = new ObjectMapper();
        MetricsResult r = SampleMetrics.compute(TEXTS, IDS, new MetricsSettings(1, 50, Smoothing.NONE));
        JsonNode json = mapper.valueToTree(MetricsJson.toJson(r, mapper));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("distinct_1", "distinct_2", "distinct_3", "distinct_4", "vocabulary", "mean_words",
                "top_first_word_share", "top_first_word", "distinct_first_words", "distinct_openings_5", "self_bleu",
                "self_bleu_sampled", "repeated_4gram_share", "unigram_entropy", "tok_distinct_1", "tok_distinct_2",
                "tok_distinct_3", "tok_distinct_4"), names);
        assertEquals("the", json.get("top_first_word").asText());
        assertEquals(0.75, json.get("distinct_1").get("value").asDouble(), 1e-15);
        List<String> fields = new ArrayList<>();
        json.get("distinct_1").fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("value", "ci_low", "ci_high"), fields);
        assertEquals(r, MetricsJson.fromJson(json, mapper));
    }

    @Test
    void malformedJsonNamesTheMetric() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode bad = mapper.readTree("{\"distinct_1\": {\"value\": 0.5}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsJson.fromJson(bad, mapper));
        assertTrue(e.getMessage().contains("distinct_1") && e.getMessage().contains("ci_low"), e.getMessage());
    }

    @Test
    void rejectsEmptySampleLists() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleMetrics.compute(List.of(), new int[0][], MetricsSettings.defaults(1)));
        assertTrue(e.getMessage().contains("at least 2 samples") && e.getMessage().contains("found 0"), e.getMessage());
    }

    @Test
    void rejectsTextsAndIdsOfDifferentCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleMetrics.compute(TEXTS, new int[][] {{1}, {2}}, MetricsSettings.defaults(1)));
        assertTrue(e.getMessage().contains("3 texts and 2 token-id samples"), e.getMessage());
    }

    @Test
    void rejectsMissingTextsAndUnknownSmoothing() {
        List<String> withNull = new ArrayList<>(List.of("a", "b"));
        withNull.set(1, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleMetrics.compute(withNull, new int[][] {{1}, {2}}, MetricsSettings.defaults(1)));
        assertTrue(e.getMessage().contains("Sample 1"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> Smoothing.of("method2"));
        assertTrue(s.getMessage().contains("'method2'") && s.getMessage().contains("method1"), s.getMessage());
    }

    @Test
    void shareIntervalsStayInsideZeroToOne() {
        // Every word distinct in every sample: Distinct-1 is exactly 1, and its interval must not pass 1.
        List<String> texts = List.of("a b c", "d e f", "g h i", "j k l");
        int[][] ids = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
        MetricsResult r = SampleMetrics.compute(texts, ids, new MetricsSettings(3, 200, Smoothing.METHOD1));
        for (String name : List.of("distinct_1", "distinct_first_words", "distinct_openings_5", "tok_distinct_1")) {
            Estimate e = r.get(name);
            assertEquals(1.0, e.value(), 1e-12, name);
            assertTrue(e.ciLow() >= 0 && e.ciHigh() <= 1.0, name + " " + e);
        }
    }
}
