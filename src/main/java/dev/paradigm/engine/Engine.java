package dev.paradigm.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.runtime.PythonRuntime;
import java.io.UncheckedIOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.List;
import jep.DirectNDArray;
import jep.NDArray;
import jep.python.PyCallable;
import jep.python.PyObject;

/**
 * One Python {@code paradigm.engine.Engine} (see docs/boundary.md), driven from Java.
 *
 * <p>The hot path, {@link #trainStep}, passes the batch as a {@link DirectNDArray} over a direct buffer that the
 * caller reuses, so no token is copied on the Java side, and calls a cached bound method, so no Python
 * attribute lookup happens per step.
 */
public final class Engine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PythonRuntime python;
    private final Paradigm paradigm;
    private final PyObject engine;
    private final PyCallable trainStep;
    private EngineInfo info;

    private Engine(PythonRuntime python, Paradigm paradigm, PyObject engine, PyCallable trainStep) {
        this.python = python;
        this.paradigm = paradigm;
        this.engine = engine;
        this.trainStep = trainStep;
    }

    /** Builds the model of {@code paradigm} from the resolved config JSON for a token store's vocabulary. */
    public static Engine create(PythonRuntime python, String configJson, Paradigm paradigm, int vocabSize, int eosId) {
        return python.call(p -> {
            p.exec("from paradigm.engine import Engine as __ParadigmEngine");
            PyObject handle = (PyObject) p.invoke("__ParadigmEngine", configJson, paradigm.id(), vocabSize, eosId);
            PyCallable step = handle.getAttr("train_step", PyCallable.class);
            return new Engine(python, paradigm, handle, step);
        });
    }

    public Paradigm paradigm() {
        return paradigm;
    }

    public EngineInfo info() {
        if (info == null) {
            String json = python.call(p -> (String) engine.getAttr("info", PyCallable.class).call());
            try {
                info = EngineInfo.of(JSON.readTree(json));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return info;
    }

    /** One optimizer step on a B×T int32 batch at learning rate {@code lr}; does not wait for the device. */
    public void trainStep(DirectNDArray<IntBuffer> batch, double lr) {
        python.call(p -> trainStep.call(batch, lr));
    }

    /** The (loss, grad norm) of each step since the last drain, in order. Synchronises the device. */
    public double[][] drain() {
        NDArray<?> array = python.call(p -> (NDArray<?>) engine.getAttr("drain", PyCallable.class).call());
        return rows((double[]) array.getData(), array.getDimensions());
    }

    /** Summed NLL (AR) or NELBO (MDLM) of a batch and its token count; deterministic given the seed. */
    public double[] evaluate(DirectNDArray<IntBuffer> batch, long seed) {
        NDArray<?> array = python.call(p -> (NDArray<?>) engine.getAttr("evaluate", PyCallable.class).call(batch, seed));
        return (double[]) array.getData();
    }

    /** {@code n} samples as token ids, one row each. */
    public int[][] sample(int n, long seed, String settingsJson) {
        NDArray<?> array = python.call(p -> (NDArray<?>) engine.getAttr("sample", PyCallable.class)
                .call(n, seed, settingsJson));
        return TokenArrays.rows(array);
    }

    /**
     * Per-row scores of token sequences under this (AR) model: for row i, {@code [summed NLL, tokens scored]} over
     * the tokens from position {@code from} up to and including the first end-of-story token after it.
     */
    public double[][] score(int[][] rows, int from) {
        NDArray<int[]> tokens = TokenArrays.of(rows);
        NDArray<?> array = (NDArray<?>) python.invoke("paradigm.scoring", "score", engine, tokens, from);
        return rows((double[]) array.getData(), array.getDimensions());
    }

    /**
     * Calls Python function {@code module.function(engine, args...)} with this engine's Python object as the first
     * argument: for helpers that drive the engine from Python (the benchmark's plain-Python training loop).
     */
    public Object invokeWith(String module, String function, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = engine;
        System.arraycopy(args, 0, all, 1, args.length);
        return python.invoke(module, function, all);
    }

    /** Writes weights, optimizer and RNG state into {@code folder}; returns the file names written. */
    public List<String> save(Path folder) {
        String json = python.call(p -> (String) engine.getAttr("save", PyCallable.class).call(folder.toString()));
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void load(Path folder) {
        python.call(p -> engine.getAttr("load", PyCallable.class).call(folder.toString()));
    }

    /** Reseeds the training noise (MDLM masking, dropout if any). */
    public void setRng(long seed) {
        python.call(p -> engine.getAttr("set_rng", PyCallable.class).call(seed));
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
