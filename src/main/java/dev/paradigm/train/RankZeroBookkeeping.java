package dev.paradigm.train;

import dev.paradigm.checkpoint.Checkpoint;
import dev.paradigm.checkpoint.CheckpointInfo;
import dev.paradigm.checkpoint.CheckpointStore;
import dev.paradigm.checkpoint.DataPosition;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.TrainConfig;
import dev.paradigm.data.BatchSchedule;
import dev.paradigm.data.StreamDigest;
import dev.paradigm.data.Subset;
import dev.paradigm.data.TokenStore;
import dev.paradigm.distributed.ProcessGroup;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.EngineInfo;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.engine.TensorBoardWriter;
import dev.paradigm.run.MetricsLine;
import dev.paradigm.run.MetricsLog;
import dev.paradigm.run.RunFolder;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rank 0's records of a training run: it fingerprints the batch stream, writes metrics.jsonl, evaluates, writes
 * checkpoints, follows the validation curve and times each kind of work. Training time runs between synchronised
 * points only, so evaluation and checkpoint time never leak into tokens/s.
 */
final class RankZeroBookkeeping implements Bookkeeping {
    private static final Logger log = LoggerFactory.getLogger(Trainer.class); // the training log, as one voice

    private final ExperimentConfig config;
    private final Paradigm paradigm;
    private final RunFolder run;
    private final TokenStore store;
    private final Engine engine;
    private final ProcessGroup group;
    private final BatchSchedule schedule;
    private final EngineInfo info;
    private final Evaluator evaluator;
    private final CheckpointStore checkpoints;
    private final int[] globalRows; // rank 0 of several holds only its rows, so it fingerprints the global batch
    private final List<CurveAnalysis.Point> curve = new ArrayList<>();

    private StreamDigest digest = StreamDigest.start();
    private MetricsLog metrics;
    private TensorBoardWriter tensorBoard;
    private LossSums losses;
    private Progress progress;
    private long started;
    private double wallSecondsBefore; // of the runs this one resumes, so elapsed_s never goes backwards
    private double trainSeconds;
    private long trainTokens;
    private double evalSeconds;
    private double checkpointSeconds;
    private long segmentStart;
    private long segmentTokens;
    private double lastLoss = Double.NaN;
    private double lastTokensPerSecond;

    RankZeroBookkeeping(ExperimentConfig config, Paradigm paradigm, RunFolder run, TokenStore store, Engine engine,
            ProcessGroup group, BatchSchedule schedule, EngineInfo info) {
        TrainConfig train = config.train();
        this.config = config;
        this.paradigm = paradigm;
        this.run = run;
        this.store = store;
        this.engine = engine;
        this.group = group;
        this.schedule = schedule;
        this.info = info;
        this.evaluator = new Evaluator(store, engine, train, config.seed());
        this.checkpoints = CheckpointStore.open(run.checkpoints(paradigm), train.keepLast());
        this.globalRows = group.isDistributed() ? new int[train.batchSize()] : null;
    }

    @Override
    public Optional<Checkpoint> resumable() {
        return checkpoints.findResumable(config.trainingHash(), config.trainingJson(), store.manifestHash()).checkpoint();
    }

    @Override
    public void start(Optional<Checkpoint> resume) {
        TrainConfig train = config.train();
        if (resume.isPresent()) {
            Checkpoint point = resume.get();
            digest = StreamDigest.restore(point.dataPosition().streamDigest());
            metrics = MetricsLog.resumeAt(run, paradigm, point.step());
            MetricsLog.read(run, paradigm).evals()
                    .forEach(e -> curve.add(new CurveAnalysis.Point(e.step(), e.epoch(), e.valLoss())));
            log.info("{}: resuming from checkpoint at step {} ({})", paradigm, point.step(), point.folder().getFileName());
        } else {
            metrics = MetricsLog.fresh(run, paradigm);
        }
        tensorBoard = engine.tensorBoard(run.tensorBoard(paradigm), resume.map(c -> c.step() + 1).orElse(0L));
        log.info("{}: {} parameters, {} FLOPs/token, on {} ({}), {} steps of {}×{}{}", paradigm,
                String.format(Locale.ROOT, "%,d", info.params()), String.format(Locale.ROOT, "%.3g", info.flopsPerToken()),
                info.device(), info.dtype(), train.steps(), train.batchSize(), store.seqLen(),
                group.isDistributed() ? " over " + group.size() + " ranks (" + group.backend() + ")" : "");
        started = System.nanoTime();
        progress = new Progress(paradigm.id() + " train", train.steps(), resume.map(Checkpoint::step).orElse(0L));
        Map<String, Object> extra = resume.map(c -> c.manifest().extra()).orElse(Map.of());
        losses = LossSums.restore(extra);
        wallSecondsBefore = number(extra, "wall_s");
        trainSeconds = number(extra, "train_time_s");
        evalSeconds = number(extra, "eval_time_s");
        checkpointSeconds = number(extra, "checkpoint_time_s");
        trainTokens = (long) number(extra, "train_tokens");
        segmentStart = System.nanoTime();
    }

    @Override
    public void evaluateInitial() {
        evaluate(0); // its train_loss is NaN: no step has run
    }

    @Override
    public void consumed(int step, IntBuffer tokens) {
        if (globalRows == null) {
            digest.update(tokens);
        } else {
            schedule.fillRankBatchIndices(step, 0, 1, globalRows); // the global batch: rank 0 of 1
            digest.update(store, Subset.TRAIN, globalRows);
        }
    }

    @Override
    public void stepped() {
        segmentTokens += (long) config.train().batchSize() * store.seqLen();
    }

    @Override
    public void synchronised(int step, double lr, double[][] drained, boolean logNow, boolean evalNow,
            boolean checkpointNow) {
        double seconds = (System.nanoTime() - segmentStart) / 1e9;
        trainSeconds += seconds;
        trainTokens += segmentTokens;
        double tokensPerSecond = seconds > 0 ? segmentTokens / seconds : 0;
        losses.add(drained);
        if (drained.length > 0) {
            lastLoss = drained[drained.length - 1][0];
        }
        lastTokensPerSecond = tokensPerSecond;
        if (logNow && losses.hasInterval()) {
            MetricsLine.Train line = new MetricsLine.Train(step, losses.takeIntervalMean(),
                    drained.length > 0 ? drained[drained.length - 1][1] : Double.NaN, lr, tokensPerSecond, wallSeconds());
            record(step, line);
            log.debug("{} step {}: loss {}, grad norm {}, lr {}, {} tok/s", paradigm, step, fmt(line.loss()),
                    fmt(line.gradNorm()), String.format(Locale.ROOT, "%.3g", lr),
                    String.format(Locale.ROOT, "%,.0f", tokensPerSecond));
        }
        Double valLoss = evalNow ? evaluate(step) : null;
        if (checkpointNow) {
            long t0 = System.nanoTime();
            Path tmp = checkpoints.beginWrite(step);
            engine.save(tmp);
            checkpoints.commit(tmp, new CheckpointInfo(step, config.trainingHash(), config.trainingJson(),
                    store.manifestHash(), valLoss, new DataPosition(step, digest.hex()), checkpointExtra()));
            double written = (System.nanoTime() - t0) / 1e9;
            checkpointSeconds += written;
            log.debug("{}: checkpoint of step {} written in {} s", paradigm, step, String.format(Locale.ROOT, "%.2f", written));
        }
    }

    private double evaluate(int step) {
        long t0 = System.nanoTime();
        double valLoss = evaluator.meanLoss();
        Double valCe = evaluator.crossEntropy();
        double seconds = (System.nanoTime() - t0) / 1e9;
        evalSeconds += seconds;
        // the global batch over the training chunks: tokens consumed / training tokens
        double epoch = (double) step * config.train().batchSize() / store.trainChunks();
        curve.add(new CurveAnalysis.Point(step, epoch, valLoss));
        record(step, new MetricsLine.Eval(step, epoch, valLoss, Math.exp(valLoss), valCe, losses.takeSinceEvalMean(),
                seconds));
        log.info("{} step {} (epoch {}): val loss {} (ppl{} {}){}", paradigm, step,
                String.format(Locale.ROOT, "%.2f", epoch), fmt(valLoss), paradigm == Paradigm.MDLM ? " bound" : "",
                fmt(Math.exp(valLoss)), valCe == null ? "" : ", the study's val CE " + fmt(valCe));
        return valLoss;
    }

    @Override
    public void restartClock() {
        segmentStart = System.nanoTime();
        segmentTokens = 0;
    }

    @Override
    public void progress(int step) {
        progress.update(step, Double.isNaN(lastLoss) ? ""
                : String.format(Locale.ROOT, "loss %.4f %,.0f tok/s", lastLoss, lastTokensPerSecond));
    }

    @Override
    public Trainer.Outcome stopped(int step) {
        log.warn("{}: interrupted; checkpoint written at step {}. Run the same command again to resume.", paradigm, step);
        return new Trainer.Outcome(step, false, digest.hex(), null);
    }

    @Override
    public Trainer.Outcome finished(int steps) {
        TrainConfig train = config.train();
        CurveAnalysis analysis = CurveAnalysis.of(curve);
        double wall = wallSeconds();
        record(steps, new MetricsLine.Summary(paradigm, train.steps(), train.batchSize(), store.seqLen(),
                (long) train.steps() * train.batchSize() * store.seqLen(), group.size(), trainSeconds, evalSeconds,
                checkpointSeconds, wall, trainSeconds > 0 ? trainTokens / trainSeconds : 0,
                wall > 0 ? trainTokens / wall : 0, digest.hex(),
                info.params(), info.flopsPerToken(), info.device(), info.dtype(), analysis));
        return new Trainer.Outcome(steps, true, digest.hex(), analysis);
    }

    /** One line of metrics.jsonl, and its numbers as TensorBoard scalars at {@code step}. */
    private void record(int step, MetricsLine line) {
        metrics.append(line);
        tensorBoard.add(step, MetricsLine.scalars(line));
    }

    private double wallSeconds() {
        return wallSecondsBefore + (System.nanoTime() - started) / 1e9;
    }

    /** The loss sums and the time spent so far: a resumed run carries on from them. */
    private Map<String, Object> checkpointExtra() {
        Map<String, Object> extra = new TreeMap<>(losses.toExtra());
        extra.putAll(Map.of("wall_s", wallSeconds(), "train_time_s", trainSeconds, "eval_time_s", evalSeconds,
                "checkpoint_time_s", checkpointSeconds, "train_tokens", trainTokens));
        return extra;
    }

    private static double number(Map<String, Object> extra, String key) {
        return extra.get(key) instanceof Number n ? n.doubleValue() : 0.0;
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
        if (tensorBoard != null) {
            tensorBoard.close();
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
