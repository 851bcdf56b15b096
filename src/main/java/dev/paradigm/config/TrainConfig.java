package dev.paradigm.config;

/**
 * The {@code train} section: optimisation, evaluation cadence and checkpoints, the same for both paradigms.
 *
 * @param steps              optimizer steps
 * @param batchSize          sequences per step
 * @param lr                 peak learning rate
 * @param minLrRatio         cosine floor as a fraction of lr (the paper: 5%)
 * @param warmupSteps        linear warm-up steps, at most {@code steps}
 * @param schedule           cosine | constant after warm-up
 * @param weightDecay        AdamW decoupled weight decay
 * @param weightDecayScope   which parameters are decayed: matrices (2-D weights only) | all
 * @param ema                decay of the exponential moving average of the weights that evaluation and sampling use
 *                           (both paradigms); 0 turns it off
 * @param beta1              AdamW first-moment decay
 * @param beta2              AdamW second-moment decay
 * @param adamEps            AdamW epsilon
 * @param gradClip           gradient-norm clip; 0 turns clipping off
 * @param precision          on CUDA: bf16 (autocast, TF32) | float32
 * @param evalInterval       steps between validation evaluations
 * @param evalBatches        validation batches per evaluation; 0 uses the whole validation set
 * @param valCeChunks        at each evaluation, also the published study's validation number (the training loss's
 *                           cross-entropy, not a bound) on the first this many validation chunks; 0 = off
 * @param valCeBatchSize     ... in batches of this many, averaged as the mean of the batch means
 * @param logInterval        steps between training log lines
 * @param checkpointInterval steps between checkpoints
 * @param keepLast           checkpoints kept besides the best
 * @param device             auto | cpu | cuda
 * @param compile            auto (on for CUDA) | true | false
 */
public record TrainConfig(
        int steps,
        int batchSize,
        double lr,
        double minLrRatio,
        int warmupSteps,
        Schedule schedule,
        double weightDecay,
        WeightDecayScope weightDecayScope,
        double ema,
        double beta1,
        double beta2,
        double adamEps,
        double gradClip,
        Precision precision,
        int evalInterval,
        int evalBatches,
        int valCeChunks,
        int valCeBatchSize,
        int logInterval,
        int checkpointInterval,
        int keepLast,
        Device device,
        Compile compile) {}
