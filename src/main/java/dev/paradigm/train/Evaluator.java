package dev.paradigm.train;

import dev.paradigm.config.TrainConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.data.ValidationBatches;
import dev.paradigm.engine.Engine;
import java.nio.IntBuffer;
import jep.DirectNDArray;

/**
 * The validation numbers of one evaluation, each on a fixed set of validation chunks with one seed per batch, so the
 * same weights always give the same numbers: the loss ({@link #meanLoss}: AR's exact NLL, MDLM's NELBO) on the first
 * {@code train.eval_batches × train.batch_size} chunks (all when 0), and, when {@code train.val_ce_chunks} asks for
 * it, the published study's number ({@link #crossEntropy}) on its first chunks.
 */
final class Evaluator {
    private final Engine engine;
    private final ValidationBatches batches;
    private final ValidationBatches crossEntropyBatches; // null when train.val_ce_chunks is 0
    private final long seed;

    Evaluator(TokenStore store, Engine engine, TrainConfig train, long seed) {
        this.engine = engine;
        this.batches = new ValidationBatches(store, train.batchSize(), train.evalBatches());
        this.crossEntropyBatches = train.valCeChunks() == 0 ? null
                : ValidationBatches.firstChunks(store, train.valCeBatchSize(), train.valCeChunks());
        this.seed = seed;
    }

    /** Mean loss in nats per token over the evaluation chunks. */
    double meanLoss() {
        double nll = 0;
        double tokens = 0;
        for (int k = 0; k < batches.batchCount(); k++) {
            double[] result = engine.evaluate(array(batches, k), seed + k);
            nll += result[0];
            tokens += result[1];
        }
        return nll / tokens;
    }

    /**
     * The published study's validation number, or null when the config does not ask for it: the mean over batches of
     * each batch's mean cross-entropy as the training loss measures it (the study averaged its batch losses so; its
     * noise was unseeded, here batch k draws from seed + k).
     */
    Double crossEntropy() {
        if (crossEntropyBatches == null) {
            return null;
        }
        double sum = 0;
        for (int k = 0; k < crossEntropyBatches.batchCount(); k++) {
            sum += engine.crossEntropy(array(crossEntropyBatches, k), seed + k);
        }
        return sum / crossEntropyBatches.batchCount();
    }

    private static DirectNDArray<IntBuffer> array(ValidationBatches batches, int k) {
        return new DirectNDArray<>(batches.fill(k), batches.rows(k), batches.seqLen());
    }
}
