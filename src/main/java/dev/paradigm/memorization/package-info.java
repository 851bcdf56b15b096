/**
 * Memorization: how much of the samples occurs verbatim in the training tokens, next to the same measure for
 * held-out validation text (what a model that does not memorize would show).
 *
 * <p>{@link dev.paradigm.memorization.TrainIndex} is a suffix array over the training chunks of a token store
 * (built by SA-IS, {@code SuffixArray}, in time linear in the tokens; its memory is bounded in advance by
 * {@link dev.paradigm.memorization.TrainIndex#estimateBytes}, which {@code evaluate.memorization.max_index_mib}
 * caps). One binary search per sample position gives the longest copied prefix there, and from those
 * {@link dev.paradigm.memorization.SampleOverlap} counts the copied n-grams of each order and the longest copied
 * span. {@link dev.paradigm.memorization.Memorization} pools them over samples with bootstrap intervals, and
 * {@link dev.paradigm.memorization.HeldOutText} draws the validation baseline shaped like samples.
 * {@code MemorizationBenchmark} (test tree, package bench) times it on 50M synthetic tokens.
 */
package dev.paradigm.memorization;
