package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.MdlmHead;
import dev.paradigm.config.ModelConfig;
import dev.paradigm.config.TokenizerKind;

/**
 * Lower bounds on the memory a config needs, so that one that cannot fit is refused before any work starts rather
 * than aborting the JVM halfway through a stage. Each is a floor — what certainly has to be held, nothing more — so
 * a config is never refused that would have fitted.
 *
 * @param tokenizerBytes      what the BPE trainer sets aside before it reads a word (0 for a ready-made tokenizer)
 * @param embeddingParameters the larger paradigm's embedding and output rows, padded as the engine pads them
 * @param blockParameters     the transformer blocks' weights
 * @param logitsBytes         the fp32 logits of one process's share of a training batch
 */
public record MemoryEstimate(long tokenizerBytes, long embeddingParameters, long blockParameters, long logitsBytes) {
    /**
     * Bytes per slot of the hash table that HF tokenizers' BPE trainer reserves with capacity {@code data.vocab_size}
     * (a 32-byte entry and a control byte): at a vocabulary of 1,000,000,000 it asked for 70,866,960,400 bytes,
     * 33 × 2^31 + 16.
     */
    static final long BPE_BYTES_PER_SLOT = 33;
    /** Weights, gradients, and the first and second moments of AdamW, each fp32. */
    static final long TRAINING_BYTES_PER_PARAMETER = 16;

    /** The estimate for {@code config}, trained by {@code processes} processes that share the batch. */
    public static MemoryEstimate of(ExperimentConfig config, int processes) {
        long vocab = config.data().vocabSize();
        long tokenizer = config.data().tokenizer() == TokenizerKind.BPE ? BPE_BYTES_PER_SLOT * hashSlots(vocab) : 0;
        ModelConfig m = config.model();
        long rows = roundUp(vocab + 1, 64); // MDLM's mask row; both paradigms pad to a multiple of 64
        long d = m.dModel();
        long perLayer = 4 * d * d + 3 * d * m.dFf(); // attention q, k, v and out; SwiGLU's gate, value and out
        long heads = m.mdlmHead() == MdlmHead.UNTIED ? 2 : 1;
        long batchRows = (config.train().batchSize() + processes - 1) / processes;
        return new MemoryEstimate(tokenizer, heads * rows * d, m.nLayer() * perLayer,
                saturatingMultiply(batchRows * m.seqLen() * rows, Float.BYTES));
    }

    public long parameters() {
        return embeddingParameters + blockParameters;
    }

    /** fp32 weights, gradients and AdamW's two moments of every parameter, plus one batch's logits. */
    public long trainingBytes() {
        return saturatingAdd(saturatingMultiply(parameters(), TRAINING_BYTES_PER_PARAMETER), logitsBytes);
    }

    /**
     * The key whose value costs the most memory, the one to lower first: the vocabulary when the embedding outweighs the
     * blocks (it also sets the logits' width), else the batch when the logits outweigh the blocks, else the depth.
     */
    public String largestKey() {
        long blocks = saturatingMultiply(blockParameters, TRAINING_BYTES_PER_PARAMETER);
        if (embeddingParameters >= blockParameters) {
            return "data.vocab_size";
        }
        return logitsBytes > blocks ? "train.batch_size" : "model.n_layer";
    }

    /** The slots of a hashbrown table of capacity {@code n}: the power of two at or above n × 8/7. */
    static long hashSlots(long n) {
        long wanted = Math.max(1, (n * 8 + 6) / 7);
        return Long.highestOneBit(wanted - 1) << 1;
    }

    private static long roundUp(long n, long multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
