package dev.paradigm.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.checkpoint.CheckpointInfo;
import dev.paradigm.checkpoint.CheckpointStore;
import dev.paradigm.checkpoint.Checkpoint;
import dev.paradigm.checkpoint.DataPosition;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.Schedule;
import dev.paradigm.config.TrainConfig;
import dev.paradigm.data.BatchAssembler;
import dev.paradigm.data.BatchSchedule;
import dev.paradigm.data.Split;
import dev.paradigm.data.StreamDigest;
import dev.paradigm.data.TokenStore;
import dev.paradigm.distributed.ProcessGroup;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.EngineInfo;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.RunFolder;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import jep.DirectNDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one paradigm: the loop of DESIGN.md, run from Java.
 *
 * <p>The device is synchronised only at log, evaluation and checkpoint points ({@link Engine#drain}); the
 * time between two synchronised points, minus nothing else, is training time, so evaluation and checkpoint
 * time never leak into tokens/s (the study's 50K tok/s figures included both).
 *
 * <p>In a distributed run every rank runs this loop on its rows of the same global batch (the engine averages
 * gradients over ranks); rank 0 alone fingerprints the global batch stream, evaluates, writes metrics and
 * checkpoints, while the others wait at a barrier. Every collective (drain, the stop vote, the barrier) happens
 * at the same steps on every rank. A single process takes none of these detours.
 */
public final class Trainer {
    private static final Logger log = LoggerFactory.getLogger(Trainer.class);

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

    public Outcome run() {
        TrainConfig train = config.train();
        int steps = train.steps();
        int batch = train.batchSize();
        int seqLen = store.seqLen();
        LearningRateSchedule lr = new LearningRateSchedule(train.lr(), train.warmupSteps(), steps, train.minLrRatio(),
                train.schedule() == Schedule.COSINE);
        boolean main = group.isMain();
        boolean distributed = group.isDistributed();
        BatchSchedule schedule = new BatchSchedule(config.seed(), store.trainChunks(), batch);
        BatchAssembler assembler = new BatchAssembler(store, schedule, group.rank(), group.size());
        DirectNDArray<IntBuffer> batchArray = new DirectNDArray<>(assembler.tokens(), assembler.rows(), seqLen);
        // Rank 0 of several holds only its rows, so it fingerprints the global batch from the store.
        int[] globalRows = distributed && main ? new int[batch] : null;
        Evaluator evaluator = main ? new Evaluator(store, engine, batch, train.evalBatches(), config.seed()) : null;
        CheckpointStore checkpoints = main ? CheckpointStore.open(run.checkpoints(paradigm), train.keepLast()) : null;
        EngineInfo info = engine.info();

        int start = 0;
        StreamDigest digest = StreamDigest.start();
        List<CurveAnalysis.Point> curve = new ArrayList<>();
        Optional<Checkpoint> resume = main
                ? checkpoints.findResumable(config.trainingHash(), config.trainingJson(), store.manifestHash()).checkpoint()
                : Optional.empty();
        // Every rank loads the checkpoint rank 0 chose (the others never search the run folder themselves).
        String resumeAt = group.broadcast(resume.map(c -> c.step() + "\n" + c.folder().toAbsolutePath()).orElse(""));
        MetricsLog metrics = null;
        if (!resumeAt.isEmpty()) {
            String[] stepAndFolder = resumeAt.split("\n", 2);
            start = Integer.parseInt(stepAndFolder[0]);
            engine.load(Path.of(stepAndFolder[1]));
            if (main) {
                Checkpoint point = resume.orElseThrow();
                digest = StreamDigest.restore(point.dataPosition().streamDigest());
                metrics = MetricsLog.resumeAt(run.metricsLog(paradigm), start);
                MetricsLog.read(run.metricsLog(paradigm)).stream().filter(l -> l.path("kind").asText().equals("eval"))
                        .forEach(l -> curve.add(new CurveAnalysis.Point(l.path("step").asInt(), l.path("val_loss").asDouble())));
                log.info("{}: resuming from checkpoint at step {} ({})", paradigm, start, point.folder().getFileName());
            }
        } else {
            engine.setRng(config.seed());
            metrics = main ? MetricsLog.fresh(run.metricsLog(paradigm)) : null;
        }
        if (main) {
            log.info("{}: {} parameters, {} FLOPs/token, on {} ({}), {} steps of {}×{}{}", paradigm,
                    String.format(Locale.ROOT, "%,d", info.params()), String.format(Locale.ROOT, "%.3g", info.flopsPerToken()),
                    info.device(), info.dtype(), steps, batch, seqLen,
                    distributed ? " over " + group.size() + " ranks (" + group.backend() + ")" : "");
        }

        Timers timers = new Timers();
        Progress progress = main ? new Progress(paradigm.id() + " train", steps) : null;
        LossSums losses = LossSums.restore(main && resume.isPresent() ? resume.get().manifest().extra() : Map.of());
        double lastLoss = Double.NaN;
        double lastTokensPerSecond = 0;
        int step = start;
        long segmentStart = System.nanoTime();
        long segmentTokens = 0;
        try {
            while (step < steps) {
                IntBuffer tokens = assembler.assemble(step);
                if (!distributed) {
                    digest.update(tokens);
                } else if (main) {
                    schedule.fillRankBatchIndices(step, 0, 1, globalRows); // the global batch: rank 0 of 1
                    digest.update(store, Split.TRAIN, globalRows);
                }
                double rate = lr.at(step);
                engine.trainStep(batchArray, rate);
                step++;
                segmentTokens += (long) batch * seqLen;
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
                    double[][] drained = engine.drain(); // the synchronised point
                    long now = System.nanoTime();
                    double seconds = (now - segmentStart) / 1e9;
                    timers.trainSeconds += seconds;
                    timers.trainTokens += segmentTokens;
                    double tokensPerSecond = seconds > 0 ? segmentTokens / seconds : 0;
                    losses.add(drained);
                    if (drained.length > 0) {
                        lastLoss = drained[drained.length - 1][0];
                    }
                    lastTokensPerSecond = tokensPerSecond;
                    if (main && logNow && losses.hasInterval()) {
                        ObjectNode line = metrics.line("train");
                        line.put("step", step);
                        line.put("loss", losses.takeIntervalMean());
                        line.put("grad_norm", drained.length > 0 ? drained[drained.length - 1][1] : Double.NaN);
                        line.put("lr", rate);
                        line.put("tokens_per_s", tokensPerSecond);
                        line.put("elapsed_s", timers.wallSeconds());
                        metrics.append(line);
                    }
                    Double valLoss = null;
                    if (main && evalNow) {
                        long t0 = System.nanoTime();
                        valLoss = evaluator.meanLoss();
                        double evalSeconds = (System.nanoTime() - t0) / 1e9;
                        timers.evalSeconds += evalSeconds;
                        curve.add(new CurveAnalysis.Point(step, valLoss));
                        ObjectNode line = metrics.line("eval");
                        line.put("step", step);
                        line.put("val_loss", valLoss);
                        line.put("val_ppl", Math.exp(valLoss));
                        line.put("train_loss", losses.takeSinceEvalMean());
                        line.put("eval_s", evalSeconds);
                        metrics.append(line);
                        log.info("{} step {}: val loss {} (ppl{} {})", paradigm, step, fmt(valLoss),
                                paradigm == Paradigm.MDLM ? " bound" : "", fmt(Math.exp(valLoss)));
                    }
                    if (main && checkpointNow) {
                        long t0 = System.nanoTime();
                        Path tmp = checkpoints.beginWrite(step);
                        engine.save(tmp);
                        checkpoints.commit(tmp, new CheckpointInfo(step, config.trainingHash(), config.trainingJson(),
                                store.manifestHash(), valLoss, new DataPosition(step, digest.hex()), losses.toExtra()));
                        timers.checkpointSeconds += (System.nanoTime() - t0) / 1e9;
                    }
                    if (distributed && (evalNow || checkpointNow)) {
                        group.barrier(); // the others wait while rank 0 evaluates and writes
                    }
                    segmentStart = System.nanoTime();
                    segmentTokens = 0;
                    if (stopping && !last) {
                        if (main) {
                            log.warn("{}: interrupted; checkpoint written at step {}. Run the same command again to resume.",
                                    paradigm, step);
                        }
                        return new Outcome(step, false, digest.hex(), null);
                    }
                }
                if (main) {
                    progress.update(step, Double.isNaN(lastLoss) ? ""
                            : String.format(Locale.ROOT, "loss %.4f %,.0f tok/s", lastLoss, lastTokensPerSecond));
                }
            }
        } finally {
            if (metrics != null) {
                metrics.close();
            }
        }
        if (!main) {
            return new Outcome(steps, true, null, null);
        }
        CurveAnalysis analysis = CurveAnalysis.of(curve);
        writeSummary(info, timers, digest.hex(), analysis);
        return new Outcome(steps, true, digest.hex(), analysis);
    }

    private void writeSummary(EngineInfo info, Timers timers, String digest, CurveAnalysis analysis) {
        try (MetricsLog metrics = MetricsLog.resumeAt(run.metricsLog(paradigm), Long.MAX_VALUE)) {
            TrainConfig train = config.train();
            ObjectNode line = metrics.line("summary");
            line.put("paradigm", paradigm.id());
            line.put("steps", train.steps());
            line.put("batch_size", train.batchSize());
            line.put("seq_len", store.seqLen());
            line.put("tokens", (long) train.steps() * train.batchSize() * store.seqLen());
            line.put("world_size", group.size());
            line.put("train_time_s", timers.trainSeconds);
            line.put("eval_time_s", timers.evalSeconds);
            line.put("checkpoint_time_s", timers.checkpointSeconds);
            line.put("wall_s", timers.wallSeconds());
            line.put("tokens_per_s", timers.trainSeconds > 0 ? timers.trainTokens / timers.trainSeconds : 0);
            line.put("data_digest", digest);
            line.put("params", info.params());
            line.put("flops_per_token", info.flopsPerToken());
            line.put("device", info.device());
            line.put("dtype", info.dtype());
            ObjectNode a = line.putObject("analysis");
            a.put("best_step", analysis.bestStep());
            a.put("best_val_loss", analysis.bestValLoss());
            a.put("overfit", analysis.overfit());
            if (analysis.overfitStep() == null) {
                a.putNull("overfit_step");
            } else {
                a.put("overfit_step", analysis.overfitStep());
            }
            a.put("still_improving", analysis.stillImproving());
            a.put("last_evals_slope", analysis.lastEvalsSlope());
            metrics.append(line);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Time spent in each kind of work during this process's part of the run. */
    private static final class Timers {
        final long start = System.nanoTime();
        double trainSeconds;
        long trainTokens;
        double evalSeconds;
        double checkpointSeconds;

        double wallSeconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
