package dev.paradigm.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonApi.EngineMethod;
import dev.paradigm.runtime.PythonRuntime;
import java.io.UncheckedIOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jep.DirectNDArray;
import jep.NDArray;
import jep.python.PyCallable;
import jep.python.PyObject;

/**
 * One Python {@code paradigm.engine.Engine} (see docs/boundary.md), driven from Java: the whole Python surface of
 * training, evaluation, sampling, scoring and benchmarking. Method names come from {@link PythonApi}.
 *
 * <p>The hot path, {@link #trainStep}, hands Python the batch once: the first step on a {@link DirectNDArray} binds
 * it ({@code bind_batch}: Python keeps an ndarray view of the direct buffer and a tensor over it), and every later
 * step on the same array passes only the learning rate to a cached bound method, while the caller refills the
 * buffer in place. No token is copied on the Java side, and no Python object is made or looked up per step.
 * Run inside {@link #onPythonThread}, as the trainer's loop is, a step is also a direct call rather than a hand-off
 * to the Python thread.
 */
public final class Engine implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PythonRuntime python;
    private final Paradigm paradigm;
    private final PyObject engine;
    private final PyCallable trainStep;
    /** The batch Python's {@code train_step} reads (kept here so its memory outlives Python's view of it). */
    private DirectNDArray<IntBuffer> bound;
    private EngineInfo info;

    private Engine(PythonRuntime python, Paradigm paradigm, PyObject engine, PyCallable trainStep) {
        this.python = python;
        this.paradigm = paradigm;
        this.engine = engine;
        this.trainStep = trainStep;
    }

    /**
     * Builds the model of {@code paradigm} from the resolved config JSON for a token store's vocabulary.
     * {@code tokenizer} (the data folder's tokenizer.json) encodes text prompts and decodes samples; without one
     * (null) prompts must be token ids and samples come back without text.
     */
    public static Engine create(PythonRuntime python, String configJson, Paradigm paradigm, int vocabSize, int eosId,
            Path tokenizer) {
        String tokenizerFile = tokenizer == null ? null : tokenizer.toString();
        PyObject handle = (PyObject) python.invoke(PythonApi.ENGINE, configJson, paradigm.id(), vocabSize, eosId,
                tokenizerFile);
        PyCallable step = python.call(p -> method(handle, EngineMethod.TRAIN_STEP));
        return new Engine(python, paradigm, handle, step);
    }

    private static PyCallable method(PyObject engine, EngineMethod method) {
        return engine.getAttr(method.pythonName(), PyCallable.class);
    }

    private Object call(EngineMethod method, Object... args) {
        return python.call(p -> method(engine, method).call(args));
    }

    public Paradigm paradigm() {
        return paradigm;
    }

    /** TensorBoard event files in {@code folder}, written by this engine's Python (see {@link TensorBoardWriter#open}). */
    public TensorBoardWriter tensorBoard(Path folder, long purgeStep) {
        return TensorBoardWriter.open(python, folder, purgeStep);
    }

    public EngineInfo info() {
        if (info == null) {
            String json = (String) call(EngineMethod.INFO);
            try {
                info = EngineInfo.of(JSON.readTree(json));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return info;
    }

    /**
     * One optimizer step on a B×T int32 batch at learning rate {@code lr}; does not wait for the device. The first
     * step on {@code batch} binds it; later steps on the same array read whatever the caller has refilled it with.
     */
    public void trainStep(DirectNDArray<IntBuffer> batch, double lr) {
        if (batch != bound) {
            call(EngineMethod.BIND_BATCH, batch);
            bound = batch;
        }
        python.call(p -> trainStep.call(lr));
    }

    /**
     * Runs {@code body} on the Python thread and returns its result: every Python call inside it (this engine's and
     * any other) is then a direct call, with no hand-off between threads. The trainer runs its whole loop this way.
     */
    public <T> T onPythonThread(Supplier<T> body) {
        return python.call(p -> body.get());
    }

    /** The (loss, grad norm) of each step since the last drain, in order. Synchronises the device. */
    public double[][] drain() {
        NDArray<?> array = (NDArray<?>) call(EngineMethod.DRAIN);
        return rows((double[]) array.getData(), array.getDimensions());
    }

    /** Summed NLL (AR) or NELBO (MDLM) of a batch and its token count; deterministic given the seed. */
    public double[] evaluate(DirectNDArray<IntBuffer> batch, long seed) {
        NDArray<?> array = (NDArray<?>) call(EngineMethod.EVALUATE, batch, seed);
        return (double[]) array.getData();
    }

    /**
     * The batch's mean cross-entropy as the training loss measures it (the published study's validation number, not a
     * bound): AR next-token CE; MDLM unweighted CE over the masked tokens, its noise drawn as in training from
     * {@code seed}.
     */
    public double crossEntropy(DirectNDArray<IntBuffer> batch, long seed) {
        return ((Number) call(EngineMethod.CROSS_ENTROPY, batch, seed)).doubleValue();
    }

    /**
     * {@code n} samples drawn with {@code settingsJson} (a resolved {@code sample} section) from {@code prompt}, in one
     * call: their token ids (prompt included), their text and the prompt's ids. The prompt is a list of pieces, each a
     * token id (an Integer) or a text (a String, encoded with the engine's tokenizer); empty for unconditional
     * sampling.
     */
    public Samples sample(int n, long seed, String settingsJson, List<?> prompt) {
        return samples(call(EngineMethod.SAMPLE, n, seed, settingsJson, prompt, true));
    }

    /**
     * As {@link #sample}, for an AR engine, but recomputing the whole prefix for every token instead of keeping a KV
     * cache: what the benchmark compares the cache against.
     */
    public Samples sampleWithoutKvCache(int n, long seed, String settingsJson, List<?> prompt) {
        return samples(call(EngineMethod.SAMPLE, n, seed, settingsJson, prompt, false));
    }

    @SuppressWarnings("unchecked")
    private static Samples samples(Object result) {
        Map<String, Object> map = (Map<String, Object>) result;
        List<Integer> promptIds = new ArrayList<>();
        for (Object id : (List<Object>) map.get("prompt_ids")) {
            promptIds.add(((Number) id).intValue());
        }
        return new Samples(TokenArrays.rows((NDArray<?>) map.get("ids")), (List<String>) map.get("texts"), promptIds);
    }

    /**
     * Per-row scores of token sequences under this (AR) model: for row i, {@code [summed NLL, tokens scored]} over
     * the tokens from position {@code from} up to and including the first end-of-story token after it.
     */
    public double[][] score(int[][] rows, int from) {
        NDArray<int[]> tokens = TokenArrays.of(rows);
        NDArray<?> array = (NDArray<?>) call(EngineMethod.SCORE, tokens, from);
        return rows((double[]) array.getData(), array.getDimensions());
    }

    /**
     * The benchmark's plain-Python loop over this engine: {@code steps} training steps over {@code batches} (int32
     * K×B×T, cycled) with a drain every {@code drainEvery} steps and at the end; returns the seconds Python measured.
     */
    public double trainWindow(NDArray<int[]> batches, int steps, int drainEvery, double lr) {
        bound = null; // the Python loop binds a batch of its own
        return ((Number) call(EngineMethod.TRAIN_WINDOW, batches, steps, drainEvery, lr)).doubleValue();
    }

    /** JSON: what the engine runs on (device name, torch, Python, CPU threads, CUDA memory), for bench.json. */
    public String deviceFacts() {
        return (String) call(EngineMethod.DEVICE_FACTS);
    }

    /**
     * Writes weights, optimizer and RNG state (and the average of the weights, with train.ema on) into {@code folder};
     * returns the file names written.
     */
    public List<String> save(Path folder) {
        String json = (String) call(EngineMethod.SAVE, folder.toString());
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void load(Path folder) {
        call(EngineMethod.LOAD, folder.toString());
    }

    /** Reseeds the training noise (MDLM masking, dropout if any). */
    public void setRng(long seed) {
        call(EngineMethod.SET_RNG, seed);
    }

    /**
     * Lets Python free the engine (its model, optimizer state and compiled graphs), so that the next engine's peak
     * memory does not count this one's. The engine cannot be used afterwards.
     */
    @Override
    public void close() {
        python.call(p -> {
            trainStep.close();
            engine.close();
            return null;
        });
        bound = null;
    }

    private static double[][] rows(double[] flat, int[] dims) {
        int n = dims.length > 0 ? dims[0] : 0;
        int width = dims.length > 1 ? dims[1] : 0;
        double[][] out = new double[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * width, out[i], 0, width);
        }
        return out;
    }
}
