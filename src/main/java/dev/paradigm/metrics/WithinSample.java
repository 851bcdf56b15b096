package dev.paradigm.metrics;

/** Per-sample measures of repetition inside one sample; the metrics are their means over samples. */
public final class WithinSample {
    private WithinSample() {}

    /**
     * Per sample: 1 - different 4-grams / all 4-grams. A sample with no 4-gram (under 4 tokens) repeats
     * none and scores 0.
     */
    public static double[] repeatedNgramShare(NgramIndex index, int order) {
        double[] share = new double[index.samples()];
        int[] count = new int[index.distinctCount(order)];
        for (int s = 0; s < share.length; s++) {
            int[] ids = index.ids(order, s);
            int different = 0;
            for (int id : ids) {
                if (count[id]++ == 0) {
                    different++;
                }
            }
            for (int id : ids) {
                count[id] = 0;
            }
            share[s] = ids.length == 0 ? 0.0 : 1.0 - (double) different / ids.length;
        }
        return share;
    }

    /** Per sample: entropy in nats of the sample's own unigram distribution (0 for an empty sample). */
    public static double[] unigramEntropy(NgramIndex index) {
        double[] entropy = new double[index.samples()];
        int[] count = new int[index.distinctCount(1)];
        for (int s = 0; s < entropy.length; s++) {
            int[] ids = index.ids(1, s);
            for (int id : ids) {
                count[id]++;
            }
            double h = 0.0;
            for (int id : ids) {
                if (count[id] > 0) {
                    double p = (double) count[id] / ids.length;
                    h -= p * Math.log(p);
                    count[id] = 0; // each word once
                }
            }
            entropy[s] = h;
        }
        return entropy;
    }
}
