package dev.paradigm.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.CategoryId;
import org.languagetool.rules.RuleMatch;

/**
 * Grammar and spelling errors in a text, found by LanguageTool's English (US) rules: the study's "occasional
 * grammatical inconsistencies" as a number.
 *
 * <p>Counted as grammar errors: every rule match except spelling (dictionary rules, counted separately: invented
 * story names trip them) and the categories that judge typography and style rather than grammar (straight quotes,
 * repeated words for effect, wordiness), which are switched off. Building the checker loads LanguageTool's
 * dictionaries and takes seconds, so one instance serves a whole evaluation; it is not thread-safe.
 */
public final class GrammarCheck {
    /** Categories switched off: they flag typography and style, which children's stories use freely. */
    static final Set<String> IGNORED_CATEGORIES = Set.of("TYPOGRAPHY", "STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "REPETITIONS_STYLE");

    /** Errors found in one text and its length in words (whitespace-separated, as the other word metrics). */
    public record Counts(int grammar, int spelling, int words) {}

    private final JLanguageTool tool;

    private GrammarCheck(JLanguageTool tool) {
        this.tool = tool;
    }

    /** The US English checker (seconds to build). */
    public static GrammarCheck english() {
        JLanguageTool tool = new JLanguageTool(Languages.getLanguageForShortCode("en-US"));
        IGNORED_CATEGORIES.forEach(c -> tool.disableCategory(new CategoryId(c)));
        return new GrammarCheck(tool);
    }

    /** Which checker and version produced the counts, for the results file. */
    public static String description() {
        return "LanguageTool " + JLanguageTool.VERSION + " (en-US; spelling counted apart; typography and style rules off)";
    }

    public Counts check(String text) {
        List<RuleMatch> matches;
        try {
            matches = tool.check(text);
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool could not check a sample: " + e.getMessage(), e);
        }
        int spelling = 0;
        for (RuleMatch match : matches) {
            if (match.getRule().isDictionaryBasedSpellingRule()) {
                spelling++;
            }
        }
        return new Counts(matches.size() - spelling, spelling, WordTokenizer.words(text).size());
    }

    /** Errors per 100 words over all samples (a ratio of sums), with its bootstrap interval. */
    public static Estimate perHundredWords(List<Counts> counts, boolean spelling, Bootstrap bootstrap) {
        return bootstrap.ofPooled(times -> {
            double errors = 0;
            double words = 0;
            for (int i = 0; i < times.length; i++) {
                Counts c = counts.get(i);
                errors += times[i] * (spelling ? c.spelling() : c.grammar());
                words += times[i] * c.words();
            }
            return words == 0 ? 0.0 : 100.0 * errors / words;
        }).clampedTo(0, Double.POSITIVE_INFINITY); // the bias-shifted interval of a rare error can reach below 0
    }
}
