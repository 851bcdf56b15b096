package dev.paradigm.bench;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.BatchAssembler;
import dev.paradigm.data.BatchSchedule;
import dev.paradigm.data.StreamDigest;
import dev.paradigm.data.Subset;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Engine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Path;
import jep.DirectNDArray;
import jep.NDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training, evaluation and checkpoint time of one engine, and the Java loop against a plain Python loop.
 *
 * <p>The Java loop is {@code train/Trainer}'s hot path without its bookkeeping, run as the trainer runs it, as one
 * call on the Python thread: assemble the step's batch into the one reused direct buffer, chain it into the stream
 * digest, {@code trainStep} on the one {@link DirectNDArray} that wraps that buffer (bound by the window's first
 * step), and drain every {@code drainEvery} steps (the trainer's log interval) and at the end of the window. The
 * Python loop ({@code Engine.train_window}) drives the same engine over batches built here
 * in advance. A window is timed from its first step to its last drain, so each starts and ends with an idle device.
 */
public final class TrainingBenchmark {
    private static final Logger log = LoggerFactory.getLogger(TrainingBenchmark.class);
    /** Distinct batches handed to the Python loop, cycled; their content does not change the cost of a step. */
    private static final int PYTHON_BATCHES = 8;

    /**
     * What one engine's training measured; tokens/s count {@code batch × seqLen} tokens per step, as the trainer's.
     *
     * @param javaTokensPerSecond   one value per Java window, in the order run
     * @param pythonTokensPerSecond one value per Python window, in the order run (window i ran right after Java's i)
     * @param javaOverPython        median Java tokens/s over median Python tokens/s (1 = no overhead)
     * @param pairRatios            Java over Python tokens/s of each adjacent pair of windows
     * @param evalSeconds           one whole evaluation ({@code evalChunks} validation chunks), per repetition
     * @param checkpointSeconds     one {@code Engine.save}, per repetition
     */
    public record Result(int batchSize, int seqLen, int drainEvery, double[] javaTokensPerSecond,
            double[] pythonTokensPerSecond, Summary java, Summary python, double javaOverPython, Summary pairRatios,
            int evalChunks, Summary evalSeconds, Summary checkpointSeconds) {

        /** How much slower the Java-driven loop is than the Python one, in percent (negative: faster). */
        public double javaOverheadPercent() {
            return (1 - javaOverPython) * 100;
        }
    }

    private final ExperimentConfig config;
    private final TokenStore store;
    private final Engine engine;
    private final BenchSettings settings;
    private final int batch;
    private final int seqLen;
    private final int drainEvery;
    private final double lr;
    private final BatchAssembler assembler;
    private final DirectNDArray<IntBuffer> batchArray;
    private final StreamDigest digest = StreamDigest.start();
    private final NDArray<int[]> pythonBatches;
    private long nextStep;

    public TrainingBenchmark(ExperimentConfig config, TokenStore store, Engine engine, BenchSettings settings) {
        this.config = config;
        this.store = store;
        this.engine = engine;
        this.settings = settings;
        this.batch = config.train().batchSize();
        this.seqLen = store.seqLen();
        this.drainEvery = Math.min(config.train().logInterval(), settings.windowSteps());
        this.lr = config.train().lr();
        BatchSchedule schedule = new BatchSchedule(config.seed(), store.trainChunks(), batch);
        this.assembler = new BatchAssembler(store, schedule);
        this.batchArray = new DirectNDArray<>(assembler.tokens(), batch, seqLen);
        this.pythonBatches = prebuiltBatches(new BatchAssembler(store, schedule));
    }

    /** Warm-up, interleaved windows, then evaluation and checkpoint timing ({@code scratch} receives checkpoints). */
    public Result run(Path scratch) {
        int windows = settings.windows();
        int steps = settings.windowSteps();
        engine.drain();
        log.info("{}: warm-up, {} steps on each loop", engine.paradigm(), settings.warmupSteps());
        javaWindow(settings.warmupSteps());
        pythonWindow(settings.warmupSteps());
        double tokens = (double) steps * batch * seqLen;
        double[] java = new double[windows];
        double[] python = new double[windows];
        double[] pairs = new double[windows];
        for (int w = 0; w < windows; w++) {
            java[w] = tokens / javaWindow(steps);
            python[w] = tokens / pythonWindow(steps);
            pairs[w] = java[w] / python[w];
            log.info("{}: window {}/{}: Java {} tok/s, Python {} tok/s", engine.paradigm(), w + 1, windows,
                    Math.round(java[w]), Math.round(python[w]));
        }
        Summary javaSummary = Summary.of(java);
        Summary pythonSummary = Summary.of(python);
        int evalChunks = evalChunks();
        Summary eval = timeEvaluation(evalChunks);
        Summary checkpoint = timeCheckpoints(scratch);
        return new Result(batch, seqLen, drainEvery, java, python, javaSummary, pythonSummary,
                javaSummary.median() / pythonSummary.median(), Summary.of(pairs), evalChunks, eval, checkpoint);
    }

    /** The trainer's loop over {@code steps} steps; seconds from the first step to the last drain. */
    private double javaWindow(int steps) {
        return engine.onPythonThread(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                digest.update(assembler.assemble(nextStep++));
                engine.trainStep(batchArray, lr);
                if ((i + 1) % drainEvery == 0 || i + 1 == steps) {
                    engine.drain(); // the synchronised point
                }
            }
            return (System.nanoTime() - start) / 1e9;
        });
    }

    private double pythonWindow(int steps) {
        return engine.trainWindow(pythonBatches, steps, drainEvery, lr);
    }

    /** The batches of steps 0.. of the same schedule, as one int32 K×B×T array (copied into Python per window). */
    private NDArray<int[]> prebuiltBatches(BatchAssembler source) {
        int k = PYTHON_BATCHES;
        int[] flat = new int[k * batch * seqLen];
        for (int step = 0; step < k; step++) {
            source.assemble(step).get(0, flat, step * batch * seqLen, batch * seqLen);
        }
        return new NDArray<>(flat, k, batch, seqLen);
    }

    /** The trainer's evaluation set: the first eval_batches × batch validation chunks (all when 0). */
    private int evalChunks() {
        int evalBatches = config.train().evalBatches();
        return evalBatches == 0 ? store.valChunks() : Math.min(store.valChunks(), evalBatches * batch);
    }

    /** One untimed evaluation (compiles the eval graph on CUDA), then {@code repeats} timed ones. */
    private Summary timeEvaluation(int chunks) {
        IntBuffer buffer = ByteBuffer.allocateDirect(batch * seqLen * Integer.BYTES).order(ByteOrder.nativeOrder())
                .asIntBuffer();
        DirectNDArray<IntBuffer> full = new DirectNDArray<>(buffer, batch, seqLen);
        evaluateAll(chunks, buffer, full);
        double[] seconds = new double[settings.repeats()];
        for (int r = 0; r < seconds.length; r++) {
            long start = System.nanoTime();
            evaluateAll(chunks, buffer, full);
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        return Summary.of(seconds);
    }

    private void evaluateAll(int chunks, IntBuffer buffer, DirectNDArray<IntBuffer> full) {
        for (int first = 0, index = 0; first < chunks; first += batch, index++) {
            int rows = Math.min(batch, chunks - first);
            for (int r = 0; r < rows; r++) {
                store.copyChunk(Subset.VAL, first + r, buffer, r * seqLen);
            }
            DirectNDArray<IntBuffer> array = rows == batch ? full
                    : new DirectNDArray<>(buffer.duplicate().position(0).limit(rows * seqLen).slice(), rows, seqLen);
            engine.evaluate(array, config.seed() + index);
        }
    }

    private Summary timeCheckpoints(Path scratch) {
        double[] seconds = new double[settings.repeats()];
        for (int r = 0; r < seconds.length; r++) {
            Path folder = scratch.resolve(engine.paradigm().id() + "-checkpoint-" + r);
            long start = System.nanoTime();
            engine.save(folder);
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        return Summary.of(seconds);
    }
}
