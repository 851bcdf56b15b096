package dev.paradigm.train;

import dev.paradigm.checkpoint.Checkpoint;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.Schedule;
import dev.paradigm.config.TrainConfig;
import dev.paradigm.data.BatchAssembler;
import dev.paradigm.data.BatchSchedule;
import dev.paradigm.data.TokenStore;
import dev.paradigm.distributed.ProcessGroup;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.RunFolder;
import java.nio.IntBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import jep.DirectNDArray;

/**
 * Trains one paradigm: the loop of DESIGN.md, run from Java.
 *
 * <p>The device is synchronised only at log, evaluation and checkpoint points ({@link Engine#drain}); the
 * time between two synchronised points, minus nothing else, is training time, so evaluation and checkpoint
 * time never leak into tokens/s (the study's 50K tok/s figures included both).
 *
 * <p>In a distributed run every rank runs this loop on its rows of the same global batch (the engine averages
 * gradients over ranks); rank 0 alone keeps the records ({@link RankZeroBookkeeping}: the batch stream's digest,
 * evaluations, metrics and checkpoints), while the others wait at a barrier. Every collective (drain, the stop vote,
 * the resume point, the barrier) happens at the same steps on every rank. A single process takes none of these
 * detours.
 */
public final class Trainer {
    private final ExperimentConfig config;
    private final Paradigm paradigm;
    private final RunFolder run;
    private final TokenStore store;
    private final Engine engine;
    private final AtomicBoolean stopRequested;
    private final ProcessGroup group;

    public Trainer(ExperimentConfig config, Paradigm paradigm, RunFolder run, TokenStore store, Engine engine,
            AtomicBoolean stopRequested) {
        this(config, paradigm, run, store, engine, stopRequested, ProcessGroup.single());
    }

    /** A trainer for one rank of {@code group}; the engine must have been built after the group was joined. */
    public Trainer(ExperimentConfig config, Paradigm paradigm, RunFolder run, TokenStore store, Engine engine,
            AtomicBoolean stopRequested, ProcessGroup group) {
        this.group = group;
        this.config = config;
        this.paradigm = paradigm;
        this.run = run;
        this.store = store;
        this.engine = engine;
        this.stopRequested = stopRequested;
    }

    /** What a finished (or stopped) run produced; on ranks other than 0 the digest and analysis are null. */
    public record Outcome(int stepsDone, boolean completed, String dataDigest, CurveAnalysis analysis) {}

    /**
     * Trains to the configured step count (or until a stop is requested). The loop runs as one call on the Python
     * thread ({@link Engine#onPythonThread}), so each of its Python calls is a direct call, not a hand-off to that
     * thread: Java's orchestration then costs only its own work per step (batch assembly and the stream digest).
     */
    public Outcome run() {
        return engine.onPythonThread(this::loop);
    }

    private Outcome loop() {
        TrainConfig train = config.train();
        int steps = train.steps();
        LearningRateSchedule lr = new LearningRateSchedule(train.lr(), train.warmupSteps(), steps, train.minLrRatio(),
                train.schedule() == Schedule.COSINE);
        boolean distributed = group.isDistributed();
        BatchSchedule schedule = new BatchSchedule(config.seed(), store.trainChunks(), train.batchSize());
        BatchAssembler assembler = new BatchAssembler(store, schedule, group.rank(), group.size());
        DirectNDArray<IntBuffer> batchArray = new DirectNDArray<>(assembler.tokens(), assembler.rows(), store.seqLen());
        try (Bookkeeping books = group.isMain()
                ? new RankZeroBookkeeping(config, paradigm, run, store, engine, group, schedule, engine.info())
                : Bookkeeping.NONE) {
            Optional<Checkpoint> found = books.resumable();
            Optional<ResumePoint> resume = ResumePoint.broadcast(group, found.map(ResumePoint::of));
            if (resume.isPresent()) {
                engine.load(resume.get().path());
            } else {
                engine.setRng(config.seed());
            }
            books.start(found);
            int step = resume.map(ResumePoint::step).orElse(0);
            if (step == 0) { // the curve's starting point: convergence is measured from the untrained model
                books.evaluateInitial();
                if (distributed) {
                    group.barrier(); // the others wait while rank 0 evaluates
                }
                books.restartClock();
            }
            while (step < steps) {
                IntBuffer tokens = assembler.assemble(step);
                books.consumed(step, tokens);
                double rate = lr.at(step);
                engine.trainStep(batchArray, rate);
                step++;
                books.stepped();
                boolean last = step == steps;
                // Ranks must stop at the same step: they vote at the steps where they synchronise anyway.
                boolean stopping = distributed
                        ? (step % train.logInterval() == 0 || step % train.evalInterval() == 0
                                || step % train.checkpointInterval() == 0 || last) && group.anyTrue(stopRequested.get())
                        : stopRequested.get();
                boolean logNow = step % train.logInterval() == 0 || last || stopping;
                boolean evalNow = step % train.evalInterval() == 0 || last;
                boolean checkpointNow = step % train.checkpointInterval() == 0 || last || stopping;
                if (logNow || evalNow || checkpointNow) {
                    books.synchronised(step, rate, engine.drain(), logNow, evalNow, checkpointNow); // drain: the sync
                    if (distributed && (evalNow || checkpointNow)) {
                        group.barrier(); // the others wait while rank 0 evaluates and writes
                    }
                    books.restartClock();
                    if (stopping && !last) {
                        return books.stopped(step);
                    }
                }
                books.progress(step);
            }
            return books.finished(steps);
        }
    }
}
