package dev.paradigm.pipeline;

import dev.paradigm.config.MemorizationConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.memorization.HeldOutText;
import dev.paradigm.memorization.Memorization;
import dev.paradigm.memorization.MemorizationResult;
import dev.paradigm.memorization.TrainIndex;
import dev.paradigm.metrics.Bootstrap;
import dev.paradigm.run.SampleEvaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memorization for the evaluate stage: how much of a paradigm's generated tokens occurs verbatim in the training
 * split, and the same for as many validation pieces of the samples' shape (the baseline). The suffix-array index is
 * built once per process and data folder, so both paradigms of a {@code compare} share it.
 */
final class SampleMemorization {
    private static final Logger log = LoggerFactory.getLogger(SampleMemorization.class);
    private static TrainIndex index; // the index of the training split of the data whose manifest hash is indexData
    private static String indexData;

    private SampleMemorization() {}

    /**
     * Measures {@code generated} (each sample's tokens after its prompt and before its end-of-story token) and the
     * held-out baseline; null when {@code evaluate.memorization.max_index_mib} is 0.
     *
     * @param maxLength the longest a sample's generated part can be (sample.length minus the prompt)
     */
    static SampleEvaluation.Memorization measure(MemorizationConfig config, TokenStore store, int[][] generated,
            int maxLength, int resamples, long seed) {
        if (config.maxIndexMib() == 0) {
            return null;
        }
        TrainIndex train = index(store);
        MemorizationResult samples = Memorization.measure(train, generated, config.orders(),
                new Bootstrap(generated.length, resamples, seed ^ 0x4D454D4FL));
        int[][] pieces = HeldOutText.pieces(store, generated.length, Math.max(1, maxLength), seed ^ 0x56414CL);
        MemorizationResult heldOut = pieces.length == 0 ? null : Memorization.measure(train, pieces, config.orders(),
                new Bootstrap(pieces.length, resamples, seed ^ 0x48454C44L));
        return new SampleEvaluation.Memorization(train.trainTokens(), samples, heldOut, maxLength);
    }

    /** The index of {@code store}'s training split: built on first use (its memory was checked before sampling). */
    private static synchronized TrainIndex index(TokenStore store) {
        String key = store.manifestHash(); // identifies the data: the manifest holds every token file's sha256
        if (!key.equals(indexData)) {
            index = null; // the previous one's memory is free before the next is built
            long start = System.nanoTime();
            index = TrainIndex.build(store);
            indexData = key;
            log.info("Memorization index over {} training tokens built in {} s", index.trainTokens(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        }
        return index;
    }
}
