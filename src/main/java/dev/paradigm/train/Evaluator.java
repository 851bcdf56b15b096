package dev.paradigm.train;

import dev.paradigm.data.Split;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Engine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import jep.DirectNDArray;

/**
 * Validation loss on a fixed set of validation chunks: the first {@code evalBatches × batch} (all when 0), with
 * one seed per batch, so the same weights always give the same number (MDLM's NELBO estimator draws t and
 * masks from that seed).
 */
final class Evaluator {
    private final TokenStore store;
    private final Engine engine;
    private final int batch;
    private final int chunks;
    private final long seed;
    private final IntBuffer buffer;

    Evaluator(TokenStore store, Engine engine, int batch, int evalBatches, long seed) {
        this.store = store;
        this.engine = engine;
        this.batch = batch;
        int available = store.valChunks();
        this.chunks = evalBatches == 0 ? available : Math.min(available, evalBatches * batch);
        this.seed = seed;
        this.buffer = ByteBuffer.allocateDirect(batch * store.seqLen() * Integer.BYTES).order(ByteOrder.nativeOrder())
                .asIntBuffer();
    }

    /** Mean loss in nats per token over the evaluation chunks. */
    double meanLoss() {
        double nll = 0;
        double tokens = 0;
        int seqLen = store.seqLen();
        for (int first = 0, index = 0; first < chunks; first += batch, index++) {
            int rows = Math.min(batch, chunks - first);
            for (int r = 0; r < rows; r++) {
                store.copyChunk(Split.VAL, first + r, buffer, r * seqLen);
            }
            IntBuffer view = rows == batch ? buffer : buffer.duplicate().position(0).limit(rows * seqLen).slice();
            double[] result = engine.evaluate(new DirectNDArray<>(view, rows, seqLen), seed + index);
            nll += result[0];
            tokens += result[1];
        }
        return nll / tokens;
    }
}
