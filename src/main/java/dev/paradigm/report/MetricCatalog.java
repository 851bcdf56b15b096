package dev.paradigm.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Display names and order of the sample metrics (names from docs/run-folder.md). Metrics the catalog does
 * not know are still shown, after the known ones, under their own names.
 */
final class MetricCatalog {
    /** Fluency numbers of metrics.json's {@code fluency} object shown among the sample metrics, by these names. */
    static final String GRAMMAR_ERRORS = "grammar_errors_per_100_words";
    static final String SPELLING_ERRORS = "spelling_errors_per_100_words";

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("distinct_1", "Distinct-1");
        LABELS.put("distinct_2", "Distinct-2");
        LABELS.put("distinct_3", "Distinct-3");
        LABELS.put("distinct_4", "Distinct-4");
        LABELS.put("self_bleu", "Self-BLEU (all pairs)");
        LABELS.put("self_bleu_sampled", "Self-BLEU (sampled)");
        LABELS.put("vocabulary", "Vocabulary size");
        LABELS.put("distinct_first_words", "Distinct first words");
        LABELS.put("distinct_openings_5", "Distinct first-5-word openings");
        LABELS.put("top_first_word_share", "Top first-word share");
        LABELS.put("top_first_word", "Most common first word");
        LABELS.put("mean_words", "Mean words per sample");
        LABELS.put("repeated_4gram_share", "Repeated 4-gram share");
        LABELS.put("unigram_entropy", "Unigram entropy in nats");
        LABELS.put("tok_distinct_1", "Token Distinct-1");
        LABELS.put("tok_distinct_2", "Token Distinct-2");
        LABELS.put("tok_distinct_3", "Token Distinct-3");
        LABELS.put("tok_distinct_4", "Token Distinct-4");
        LABELS.put(GRAMMAR_ERRORS, "Grammar errors per 100 words (LanguageTool)");
        LABELS.put(SPELLING_ERRORS, "Spelling errors per 100 words (LanguageTool)");
    }

    /** Shares in [0, 1] that fit one bar chart axis; counts such as vocabulary would dwarf them. */
    static final List<String> CHARTED = List.of("distinct_1", "distinct_2", "distinct_3", "distinct_4",
            "self_bleu", "distinct_first_words", "distinct_openings_5");

    /** Short bar labels for {@link #CHARTED}. */
    static final Map<String, String> SHORT_LABELS = Map.of("distinct_1", "Distinct-1", "distinct_2", "Distinct-2",
            "distinct_3", "Distinct-3", "distinct_4", "Distinct-4", "self_bleu", "Self-BLEU",
            "distinct_first_words", "First words", "distinct_openings_5", "Openings-5");

    private MetricCatalog() {}

    static String label(String metric) {
        return LABELS.getOrDefault(metric, metric);
    }

    /** The metrics present in either paradigm, known ones in catalog order, then the rest as found. */
    static List<String> ordered(Set<String> ar, Set<String> mdlm) {
        List<String> names = new ArrayList<>();
        for (String known : LABELS.keySet()) {
            if (ar.contains(known) || mdlm.contains(known)) {
                names.add(known);
            }
        }
        for (Set<String> side : List.of(ar, mdlm)) {
            for (String name : side) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
