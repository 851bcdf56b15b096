package dev.paradigm.metrics;

/**
 * Generative perplexity from per-sample judge scores: exp of summed NLL over summed tokens (a token-weighted mean,
 * as upstream MDLM), with a bootstrap interval over samples. A ratio of sums pools without pairs, so a sample drawn
 * twice simply counts twice; the bias shift of {@link Bootstrap#ofPooled} is negligible for it.
 */
public final class GenerativePerplexity {
    private GenerativePerplexity() {}

    /** {@code scores[i] = [summed NLL in nats, tokens scored]} of sample i; samples with no scored token add nothing. */
    public static Estimate of(double[][] scores, Bootstrap bootstrap) {
        if (scores.length != bootstrap.samples()) {
            throw new IllegalArgumentException("Expected judge scores for each of the " + bootstrap.samples()
                    + " samples; found " + scores.length + ".");
        }
        double tokens = 0;
        for (double[] row : scores) {
            if (row.length != 2 || !(row[0] >= 0) || !(row[1] >= 0)) {
                throw new IllegalArgumentException("A judge score must be [summed NLL >= 0, tokens >= 0]; found "
                        + java.util.Arrays.toString(row) + ".");
            }
            tokens += row[1];
        }
        if (tokens == 0) {
            throw new IllegalArgumentException("The judge scored no token of any sample (all samples empty): generative "
                    + "perplexity is undefined.");
        }
        return bootstrap.ofPooled(times -> {
            double nll = 0;
            double counted = 0;
            for (int i = 0; i < times.length; i++) {
                nll += times[i] * scores[i][0];
                counted += times[i] * scores[i][1];
            }
            return Math.exp(nll / Math.max(1, counted));
        });
    }
}
