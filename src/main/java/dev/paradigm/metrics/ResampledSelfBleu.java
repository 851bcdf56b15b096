package dev.paradigm.metrics;

import dev.paradigm.config.Smoothing;
import java.util.Arrays;

/**
 * All-pairs Self-BLEU of a bootstrap resample, recomputed exactly: the statistic {@link Bootstrap#ofPooled} needs
 * for an interval that resamples samples rather than per-sample scores.
 *
 * <p>Why not resample the per-sample scores ({@code Bootstrap.ofMean(SelfBleu.scores(...))})? A sample's score
 * depends on every other sample (they are its references), so the scores are not independent draws and their
 * percentile interval understates how much Self-BLEU would move with another set of samples. Resampling the
 * samples and scoring each resample against itself is the bootstrap of the statistic actually reported.
 *
 * <p>Duplicates. A resample draws about 63% of the samples, many of them twice or more. A copy must not be a
 * reference for another copy of the same sample: it would match itself completely (BLEU 1), so Self-BLEU would
 * rise with the number of duplicates, which says something about the bootstrap, not about the model. The rule
 * here: copies of one original are never each other's references; each copy is scored against every drawn copy of
 * the other originals. Because BLEU clips by the largest count in any one reference and takes the closest
 * reference length, a second copy of a reference changes nothing, so every copy of sample s scores the same as s
 * against the other drawn originals, and Self-BLEU of the resample is the draw-weighted mean of those scores
 * ({@code sum of timesDrawn[s] * score[s] / draws}). Nothing is materialised: each resample costs one pass over
 * the distinct n-grams of the drawn samples, as {@link SelfBleu} does for the whole set.
 *
 * <p>The same rule holds for any pooled statistic over pairs of samples. Statistics that pool without pairs
 * (distinct n-grams, the copied-n-gram share, a ratio of summed NLL to tokens) need no rule: a duplicate adds its
 * n-grams or its sums again, as a fresh draw would.
 *
 * <p>With every sample drawn once the value equals {@link SelfBleu#mean} to the last bit (the same arithmetic in
 * the same order). A resample with a single distinct sample has no references: its Self-BLEU is 0, as NLTK's
 * formula gives with no n-gram matched. Resampled values sit below the point estimate (fewer references, fewer
 * matches), so {@link Bootstrap#ofPooled} shifts them by that bias. Not thread-safe: it reuses its scratch arrays.
 */
public final class ResampledSelfBleu implements Bootstrap.PooledStatistic {
    private final int[][][] kinds; // [order - 1][sample]: the sample's distinct n-gram ids
    private final int[][][] counts; // [order - 1][sample]: how often each occurs in the sample
    private final int[][] hypothesisNgrams; // [sample][order - 1]
    private final int[] lengths;
    private final Smoothing smoothing;
    private final int[][] top; // [order - 1][id]: scratch, zero between calls
    private final int[][] second;
    private final int[][] topHolder; // -1 between calls

    public ResampledSelfBleu(TokenCorpus corpus, Smoothing smoothing) {
        this(corpus, NgramIndex.build(corpus, BleuFormula.ORDERS), smoothing);
    }

    /** As above, reusing an index of at least 4-grams built from {@code corpus}. */
    public ResampledSelfBleu(TokenCorpus corpus, NgramIndex index, Smoothing smoothing) {
        SelfBleu.requireReferences(corpus.size());
        int n = corpus.size();
        this.smoothing = smoothing;
        kinds = new int[BleuFormula.ORDERS][n][];
        counts = new int[BleuFormula.ORDERS][n][];
        hypothesisNgrams = new int[n][BleuFormula.ORDERS];
        lengths = new int[n];
        top = new int[BleuFormula.ORDERS][];
        second = new int[BleuFormula.ORDERS][];
        topHolder = new int[BleuFormula.ORDERS][];
        for (int order = 1; order <= BleuFormula.ORDERS; order++) {
            int distinct = index.distinctCount(order);
            top[order - 1] = new int[distinct];
            second[order - 1] = new int[distinct];
            topHolder[order - 1] = new int[distinct];
            Arrays.fill(topHolder[order - 1], -1);
            int[] scratch = top[order - 1]; // counts one sample at a time, back to zero after each
            for (int s = 0; s < n; s++) {
                int[] ids = index.ids(order, s);
                hypothesisNgrams[s][order - 1] = ids.length;
                int[] sampleKinds = new int[ids.length];
                int[] sampleCounts = new int[ids.length];
                int k = 0;
                for (int id : ids) {
                    if (scratch[id]++ == 0) {
                        sampleKinds[k++] = id;
                    }
                }
                for (int i = 0; i < k; i++) {
                    sampleCounts[i] = scratch[sampleKinds[i]];
                    scratch[sampleKinds[i]] = 0;
                }
                kinds[order - 1][s] = Arrays.copyOf(sampleKinds, k);
                counts[order - 1][s] = Arrays.copyOf(sampleCounts, k);
            }
        }
        for (int s = 0; s < n; s++) {
            lengths[s] = corpus.length(s);
        }
    }

    /** Self-BLEU of the resample that drew sample s {@code timesDrawn[s]} times (copies not each other's references). */
    @Override
    public double of(int[] timesDrawn) {
        if (timesDrawn.length != lengths.length) {
            throw new IllegalArgumentException("Expected a draw count for each of the " + lengths.length + " samples; found "
                    + timesDrawn.length + ".");
        }
        int[] drawn = drawnSamples(timesDrawn);
        long draws = Arrays.stream(timesDrawn).asLongStream().sum();
        if (drawn.length < 2) {
            return 0.0;
        }
        int[][] matches = new int[drawn.length][BleuFormula.ORDERS];
        for (int order = 1; order <= BleuFormula.ORDERS; order++) {
            countMatches(order, drawn, matches);
        }
        int[] drawnLengths = new int[drawn.length];
        for (int d = 0; d < drawn.length; d++) {
            drawnLengths[d] = lengths[drawn[d]];
        }
        SelfBleu.ClosestLength closest = new SelfBleu.ClosestLength(drawnLengths);
        double[] weighted = new double[drawn.length];
        for (int d = 0; d < drawn.length; d++) {
            int s = drawn[d];
            double score = BleuFormula.sentenceBleu(matches[d], hypothesisNgrams[s], lengths[s],
                    closest.closestOther(lengths[s]), smoothing);
            weighted[d] = timesDrawn[s] * score;
        }
        return Arrays.stream(weighted).sum() / draws;
    }

    private static int[] drawnSamples(int[] timesDrawn) {
        int count = 0;
        for (int t : timesDrawn) {
            if (t < 0) {
                throw new IllegalArgumentException("A sample cannot be drawn " + t + " times.");
            }
            count += t > 0 ? 1 : 0;
        }
        int[] drawn = new int[count];
        for (int s = 0, d = 0; s < timesDrawn.length; s++) {
            if (timesDrawn[s] > 0) {
                drawn[d++] = s;
            }
        }
        return drawn;
    }

    /** As {@link SelfBleu}: each n-gram's top two counts among the drawn samples, and who holds the top. */
    private void countMatches(int order, int[] drawn, int[][] matches) {
        int[] top = this.top[order - 1];
        int[] second = this.second[order - 1];
        int[] holder = topHolder[order - 1];
        for (int s : drawn) {
            int[] ids = kinds[order - 1][s];
            int[] c = counts[order - 1][s];
            for (int i = 0; i < ids.length; i++) {
                int id = ids[i];
                if (c[i] > top[id]) {
                    second[id] = top[id];
                    top[id] = c[i];
                    holder[id] = s;
                } else if (c[i] > second[id]) {
                    second[id] = c[i];
                }
            }
        }
        for (int d = 0; d < drawn.length; d++) {
            int s = drawn[d];
            int[] ids = kinds[order - 1][s];
            int[] c = counts[order - 1][s];
            int clipped = 0;
            for (int i = 0; i < ids.length; i++) {
                int id = ids[i];
                clipped += Math.min(c[i], holder[id] == s ? second[id] : top[id]);
            }
            matches[d][order - 1] = clipped;
        }
        for (int s : drawn) { // back to zero for the next resample
            for (int id : kinds[order - 1][s]) {
                top[id] = 0;
                second[id] = 0;
                holder[id] = -1;
            }
        }
    }
}
