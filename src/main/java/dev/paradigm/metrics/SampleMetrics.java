package dev.paradigm.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All sample metrics of one paradigm, each with a 95% bootstrap interval. Word metrics use the paper's
 * words ({@link WordTokenizer}); {@code tok_distinct_n} uses the model's token ids as given (the caller cuts
 * them where each sample ends).
 */
public final class SampleMetrics {
    public static final int MAX_ORDER = 4;

    private SampleMetrics() {}

    public static MetricsResult compute(List<String> texts, int[][] ids, MetricsSettings settings) {
        requireSamples(texts, ids);
        TokenCorpus words = TokenCorpus.ofWords(texts);
        TokenCorpus tokens = TokenCorpus.ofIds(ids);
        NgramIndex wordNgrams = NgramIndex.build(words, MAX_ORDER);
        NgramIndex tokenNgrams = NgramIndex.build(tokens, MAX_ORDER);
        Bootstrap bootstrap = new Bootstrap(words.size(), settings.bootstrapResamples(), settings.bootstrapSeed());
        Openings openings = new Openings(words);

        Map<String, Estimate> metrics = new LinkedHashMap<>();
        for (int n = 1; n <= MAX_ORDER; n++) {
            metrics.put("distinct_" + n, bootstrap.ofPooled(DistinctNgrams.ratio(wordNgrams, n)).clampedTo(0, 1));
        }
        metrics.put("vocabulary", bootstrap.ofPooled(DistinctNgrams.count(wordNgrams, 1)));
        metrics.put("mean_words", bootstrap.ofMean(lengths(words)));
        metrics.put("top_first_word_share", bootstrap.ofMean(openings.beginsWithTopWord()));
        metrics.put("distinct_first_words", bootstrap.ofPooled(openings.distinctFirstWords()).clampedTo(0, 1));
        metrics.put("distinct_openings_5", bootstrap.ofPooled(openings.distinctOpenings()).clampedTo(0, 1));
        // Resamples the samples and recomputes all pairs: a sample's score depends on the others (ResampledSelfBleu).
        metrics.put("self_bleu", bootstrap.ofPooled(new ResampledSelfBleu(words, wordNgrams, settings.smoothing()))
                .clampedTo(0, 1));
        double[] sampled = SampledSelfBleu.scores(words, wordNgrams, settings.sampledSelfBleuSeed());
        metrics.put("self_bleu_sampled",
                new Bootstrap(sampled.length, settings.bootstrapResamples(), settings.bootstrapSeed()).ofMean(sampled));
        metrics.put("repeated_4gram_share", bootstrap.ofMean(WithinSample.repeatedNgramShare(wordNgrams, 4)));
        metrics.put("unigram_entropy", bootstrap.ofMean(WithinSample.unigramEntropy(wordNgrams)));
        for (int n = 1; n <= MAX_ORDER; n++) {
            metrics.put("tok_distinct_" + n, bootstrap.ofPooled(DistinctNgrams.ratio(tokenNgrams, n)).clampedTo(0, 1));
        }
        return new MetricsResult(metrics, openings.topFirstWord());
    }

    private static void requireSamples(List<String> texts, int[][] ids) {
        if (texts == null || ids == null) {
            throw new IllegalArgumentException("Expected the samples' texts and token ids; found "
                    + (texts == null ? "no texts" : "no token ids") + " (null).");
        }
        if (texts.size() != ids.length) {
            throw new IllegalArgumentException("Expected one text per token-id sample; found " + texts.size()
                    + " texts and " + ids.length + " token-id samples. Pass the texts decoded from exactly "
                    + "these ids.");
        }
        if (texts.size() < 2) {
            throw new IllegalArgumentException("Expected at least 2 samples (Self-BLEU scores each sample "
                    + "against the others); found " + texts.size() + ". Set sample.n to 2 or more.");
        }
    }

    private static double[] lengths(TokenCorpus corpus) {
        double[] lengths = new double[corpus.size()];
        for (int s = 0; s < lengths.length; s++) {
            lengths[s] = corpus.length(s);
        }
        return lengths;
    }
}
