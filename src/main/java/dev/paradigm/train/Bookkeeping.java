package dev.paradigm.train;

import dev.paradigm.checkpoint.Checkpoint;
import java.nio.IntBuffer;
import java.util.Optional;

/**
 * What the training loop asks of the run's records: the metrics log, evaluations, checkpoints, the validation curve,
 * the timers and the batch stream's digest. Rank 0 keeps them ({@link RankZeroBookkeeping}); on every other rank
 * {@link #NONE} does nothing, so the loop itself never asks which rank it is on.
 */
interface Bookkeeping extends AutoCloseable {

    /** The checkpoint to resume from, if any (only rank 0 looks). */
    Optional<Checkpoint> resumable();

    /** Opens the metrics log (fresh, or cut back to {@code resume}'s step) and starts the clocks. */
    void start(Optional<Checkpoint> resume);

    /** Evaluates the model before its first update (step 0), so the validation curve starts where training did. */
    void evaluateInitial();

    /** Batch {@code step} is about to be trained on; {@code tokens} are this rank's rows of it. */
    void consumed(int step, IntBuffer tokens);

    /** One optimizer step is done. */
    void stepped();

    /**
     * At a synchronised point after {@code step}: the drained {@code [loss, grad_norm]} rows, and which of a log line,
     * an evaluation and a checkpoint are due.
     */
    void synchronised(int step, double lr, double[][] drained, boolean logNow, boolean evalNow, boolean checkpointNow);

    /** Training time counts again from now (after a synchronised point and its barrier). */
    void restartClock();

    void progress(int step);

    /** Interrupted after {@code step}, with its checkpoint written. */
    Trainer.Outcome stopped(int step);

    /** All {@code steps} done: writes the summary line. */
    Trainer.Outcome finished(int steps);

    @Override
    void close();

    /** Another rank's bookkeeping: none. */
    Bookkeeping NONE = new Bookkeeping() {
        @Override
        public Optional<Checkpoint> resumable() {
            return Optional.empty();
        }

        @Override
        public void start(Optional<Checkpoint> resume) {}

        @Override
        public void evaluateInitial() {}

        @Override
        public void consumed(int step, IntBuffer tokens) {}

        @Override
        public void stepped() {}

        @Override
        public void synchronised(int step, double lr, double[][] drained, boolean logNow, boolean evalNow,
                boolean checkpointNow) {}

        @Override
        public void restartClock() {}

        @Override
        public void progress(int step) {}

        @Override
        public Trainer.Outcome stopped(int step) {
            return new Trainer.Outcome(step, false, null, null);
        }

        @Override
        public Trainer.Outcome finished(int steps) {
            return new Trainer.Outcome(steps, true, null, null);
        }

        @Override
        public void close() {}
    };
}
