package dev.paradigm.config;

/**
 * The {@code evaluate.fluency} section: the report compares the two paradigms' diversity only when their samples
 * read comparably well (docs/verdict.md justifies the defaults).
 *
 * @param maxGrammarErrors  grammar errors per 100 words (LanguageTool) above which a paradigm's samples are not
 *                          fluent yet; real TinyStories text has about 0.7, the same text with its words shuffled
 *                          about 16
 * @param maxJudgePplRatio  the most the higher judge perplexity may exceed the lower, as a ratio, for the samples to
 *                          count as comparably fluent; used only when the judge is independent of both paradigms
 */
public record FluencyConfig(double maxGrammarErrors, double maxJudgePplRatio) {}
