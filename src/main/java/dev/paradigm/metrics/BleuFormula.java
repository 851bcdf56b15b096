package dev.paradigm.metrics;

import dev.paradigm.config.Smoothing;

/**
 * The last step of NLTK 3.10's {@code sentence_bleu} with weights (0.25, 0.25, 0.25, 0.25): from the
 * clipped n-gram counts, the hypothesis length and the closest reference length to the score.
 *
 * <p>NLTK's details, kept on purpose because Self-BLEU must equal NLTK's number:
 * <ul>
 *   <li>No unigram matches: the score is 0, before any smoothing.</li>
 *   <li>A precision's denominator is {@code max(1, hypothesis n-grams)}, so a hypothesis shorter than n has
 *       precision 0/1 for that order.</li>
 *   <li>{@link Smoothing#NONE} (NLTK {@code method0}, which also warns) replaces a zero precision with
 *       {@code sys.float_info.min}: the score is then tiny but not 0, e.g. {@code exp(0.25 * ln(2.2e-308))}
 *       ≈ 1.3e-77 for one missing order.</li>
 *   <li>{@link Smoothing#METHOD1} replaces a zero precision with {@code 0.1 / denominator}.</li>
 *   <li>NLTK's unnormalised {@code Fraction} becomes a float by one correctly rounded division, as here.</li>
 *   <li>The weighted logs are summed with {@code math.fsum} ({@link PythonFsum}).</li>
 *   <li>Brevity penalty: 1 if the hypothesis is longer than the reference, 0 if it is empty, else
 *       {@code exp(1 - r / c)}.</li>
 * </ul>
 */
final class BleuFormula {
    static final int ORDERS = 4;
    private static final double WEIGHT = 0.25;
    private static final double METHOD1_EPSILON = 0.1;

    private BleuFormula() {}

    /**
     * @param matches clipped n-gram matches of orders 1..4
     * @param hypothesisNgrams n-grams of orders 1..4 in the hypothesis (0 when it is shorter than n)
     */
    static double sentenceBleu(int[] matches, int[] hypothesisNgrams, int hypothesisLength,
                               int closestReferenceLength, Smoothing smoothing) {
        if (matches[0] == 0) {
            return 0.0;
        }
        double[] weightedLogs = new double[ORDERS];
        for (int i = 0; i < ORDERS; i++) {
            int denominator = Math.max(1, hypothesisNgrams[i]);
            double precision;
            if (matches[i] != 0) {
                precision = (double) matches[i] / denominator;
            } else if (smoothing == Smoothing.METHOD1) {
                precision = METHOD1_EPSILON / denominator;
            } else {
                precision = Double.MIN_NORMAL; // Python's sys.float_info.min
            }
            weightedLogs[i] = WEIGHT * Math.log(precision);
        }
        return brevityPenalty(closestReferenceLength, hypothesisLength) * Math.exp(PythonFsum.fsum(weightedLogs));
    }

    static double brevityPenalty(double referenceLength, int hypothesisLength) {
        if (hypothesisLength > referenceLength) {
            return 1.0;
        }
        if (hypothesisLength == 0) {
            return 0.0;
        }
        return Math.exp(1.0 - referenceLength / hypothesisLength);
    }
}
