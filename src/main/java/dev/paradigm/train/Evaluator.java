package dev.paradigm.train;

import dev.paradigm.data.TokenStore;
import dev.paradigm.data.ValidationBatches;
import dev.paradigm.engine.Engine;
import java.nio.IntBuffer;
import jep.DirectNDArray;

/**
 * Validation loss on a fixed set of validation chunks: the first {@code evalBatches × batch} (all when 0), with
 * one seed per batch, so the same weights always give the same number (MDLM's NELBO estimator draws t and
 * masks from that seed).
 */
final class Evaluator {
    private final Engine engine;
    private final ValidationBatches batches;
    private final long seed;

    Evaluator(TokenStore store, Engine engine, int batch, int evalBatches, long seed) {
        this.engine = engine;
        this.batches = new ValidationBatches(store, batch, evalBatches);
        this.seed = seed;
    }

    /** Mean loss in nats per token over the evaluation chunks. */
    double meanLoss() {
        double nll = 0;
        double tokens = 0;
        for (int k = 0; k < batches.batchCount(); k++) {
            DirectNDArray<IntBuffer> batch = new DirectNDArray<>(batches.fill(k), batches.rows(k), batches.seqLen());
            double[] result = engine.evaluate(batch, seed + k);
            nll += result[0];
            tokens += result[1];
        }
        return nll / tokens;
    }
}
