/**
 * Sample metrics: how diverse and how repetitive the generated samples of one paradigm are.
 *
 * <p>Everything here is pure Java and deterministic for a seed. The entry point is {@link
 * dev.paradigm.metrics.SampleMetrics}, which turns a paradigm's texts and token ids into an ordered
 * map of {@link dev.paradigm.metrics.Estimate}s (value with a 95% bootstrap interval), serialised by
 * {@link dev.paradigm.metrics.MetricsJson} in the format of {@code docs/run-folder.md}. Words are the
 * paper's: the text lower-cased and split on whitespace exactly like Python's {@code str.lower().split()}
 * ({@link dev.paradigm.metrics.WordTokenizer}).
 *
 * <p>Self-BLEU ({@link dev.paradigm.metrics.SelfBleu}) reproduces NLTK 3.10's {@code sentence_bleu}
 * number for number, but over all pairs in time linear in the total n-gram count (the tests hold it to a literal
 * all-pairs port and to NLTK itself), and {@link dev.paradigm.metrics.SampledSelfBleu} is the published study's
 * sampled variant.
 */
package dev.paradigm.metrics;
