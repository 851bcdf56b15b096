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
import dev.paradigm.data.StreamDigest;
import dev.paradigm.data.TokenStore;
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
 */
public final class Trainer {
    private static final Logger log = LoggerFactory.getLogger(Trainer.class);

    private final ExperimentConfig config;
    private final Paradigm paradigm;
    private final RunFolder run;
    private final TokenStore store;
    private final Engine engine;
    private final AtomicBoolean stopRequested;

    public Trainer(ExperimentConfig config, Paradigm paradigm, RunFolder run, TokenStore store, Engine engine,
            AtomicBoolean stopRequested) {
        this.config = config;
        this.paradigm = paradigm;
        this.run = run;
        this.store = store;
        this.engine = engine;
        this.stopRequested = stopRequested;
    }

    /** What a finished (or stopped) run produced. */
    public record Outcome(int stepsDone, boolean completed, String dataDigest, CurveAnalysis analysis) {}

    public Outcome run() {
        TrainConfig train = config.train();
        int steps = train.steps();
        int batch = train.batchSize();
        int seqLen = store.seqLen();
        LearningRateSchedule lr = new LearningRateSchedule(train.lr(), train.warmupSteps(), steps, train.minLrRatio(),
                train.schedule() == Schedule.COSINE);
        BatchAssembler assembler = new BatchAssembler(store, new BatchSchedule(config.seed(), store.trainChunks(), batch));
        DirectNDArray<IntBuffer> batchArray = new DirectNDArray<>(assembler.tokens(), batch, seqLen);
        Evaluator evaluator = new Evaluator(store, engine, batch, train.evalBatches(), config.seed());
        CheckpointStore checkpoints = CheckpointStore.open(run.checkpoints(paradigm), train.keepLast());
        EngineInfo info = engine.info();

        int start = 0;
        StreamDigest digest = StreamDigest.start();
        List<CurveAnalysis.Point> curve = new ArrayList<>();
        Optional<Checkpoint> resume = checkpoints.findResumable(config.hash(), config.toJson(), store.manifestHash()).checkpoint();
        MetricsLog metrics;
        if (resume.isPresent()) {
            Checkpoint point = resume.get();
            engine.load(point.folder());
            start = (int) point.step();
            digest = StreamDigest.restore(point.dataPosition().streamDigest());
            metrics = MetricsLog.resumeAt(run.metricsLog(paradigm), start);
            MetricsLog.read(run.metricsLog(paradigm)).stream().filter(l -> l.path("kind").asText().equals("eval"))
                    .forEach(l -> curve.add(new CurveAnalysis.Point(l.path("step").asInt(), l.path("val_loss").asDouble())));
            log.info("{}: resuming from checkpoint at step {} ({})", paradigm, start, point.folder().getFileName());
        } else {
            engine.setRng(config.seed());
            metrics = MetricsLog.fresh(run.metricsLog(paradigm));
        }
        log.info("{}: {} parameters, {} FLOPs/token, on {} ({}), {} steps of {}×{}", paradigm,
                String.format(Locale.ROOT, "%,d", info.params()), String.format(Locale.ROOT, "%.3g", info.flopsPerToken()),
                info.device(), info.dtype(), steps, batch, seqLen);

        Timers timers = new Timers();
        Progress progress = new Progress(paradigm.id() + " train", steps);
        double intervalLossSum = 0;
        int intervalSteps = 0;
        double evalTrainLossSum = 0;
        int evalTrainSteps = 0;
        double lastLoss = Double.NaN;
        double lastTokensPerSecond = 0;
        int step = start;
        long segmentStart = System.nanoTime();
        long segmentTokens = 0;
        try {
            while (step < steps) {
                IntBuffer tokens = assembler.assemble(step);
                digest.update(tokens);
                double rate = lr.at(step);
                engine.trainStep(batchArray, rate);
                step++;
                segmentTokens += (long) batch * seqLen;
                boolean last = step == steps;
                boolean stopping = stopRequested.get();
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
                    for (double[] row : drained) {
                        intervalLossSum += row[0];
                        evalTrainLossSum += row[0];
                    }
                    intervalSteps += drained.length;
                    evalTrainSteps += drained.length;
                    if (drained.length > 0) {
                        lastLoss = drained[drained.length - 1][0];
                    }
                    lastTokensPerSecond = tokensPerSecond;
                    if (logNow && intervalSteps > 0) {
                        ObjectNode line = metrics.line("train");
                        line.put("step", step);
                        line.put("loss", intervalLossSum / intervalSteps);
                        line.put("grad_norm", drained.length > 0 ? drained[drained.length - 1][1] : Double.NaN);
                        line.put("lr", rate);
                        line.put("tokens_per_s", tokensPerSecond);
                        line.put("elapsed_s", timers.wallSeconds());
                        metrics.append(line);
                        intervalLossSum = 0;
                        intervalSteps = 0;
                    }
                    Double valLoss = null;
                    if (evalNow) {
                        long t0 = System.nanoTime();
                        valLoss = evaluator.meanLoss();
                        double evalSeconds = (System.nanoTime() - t0) / 1e9;
                        timers.evalSeconds += evalSeconds;
                        curve.add(new CurveAnalysis.Point(step, valLoss));
                        ObjectNode line = metrics.line("eval");
                        line.put("step", step);
                        line.put("val_loss", valLoss);
                        line.put("val_ppl", Math.exp(valLoss));
                        line.put("train_loss", evalTrainSteps > 0 ? evalTrainLossSum / evalTrainSteps : Double.NaN);
                        line.put("eval_s", evalSeconds);
                        metrics.append(line);
                        evalTrainLossSum = 0;
                        evalTrainSteps = 0;
                        log.info("{} step {}: val loss {} (ppl{} {})", paradigm, step, fmt(valLoss),
                                paradigm == Paradigm.MDLM ? " bound" : "", fmt(Math.exp(valLoss)));
                    }
                    if (checkpointNow) {
                        long t0 = System.nanoTime();
                        Path tmp = checkpoints.beginWrite(step);
                        engine.save(tmp);
                        checkpoints.commit(tmp, new CheckpointInfo(step, config.hash(), config.toJson(), store.manifestHash(),
                                valLoss, new DataPosition(step, digest.hex()), Map.of()));
                        timers.checkpointSeconds += (System.nanoTime() - t0) / 1e9;
                    }
                    segmentStart = System.nanoTime();
                    segmentTokens = 0;
                    if (stopping && !last) {
                        log.warn("{}: interrupted; checkpoint written at step {}. Run the same command again to resume.",
                                paradigm, step);
                        return new Outcome(step, false, digest.hex(), null);
                    }
                }
                progress.update(step, Double.isNaN(lastLoss) ? ""
                        : String.format(Locale.ROOT, "loss %.4f %,.0f tok/s", lastLoss, lastTokensPerSecond));
            }
        } finally {
            metrics.close();
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
