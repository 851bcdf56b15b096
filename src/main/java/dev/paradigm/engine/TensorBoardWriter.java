package dev.paradigm.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonApi.TensorBoardMethod;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import jep.python.PyCallable;
import jep.python.PyObject;

/**
 * TensorBoard event files in one folder, written by Python's {@code torch.utils.tensorboard} ({@code
 * paradigm.tracking.TensorBoardWriter}, named in {@link PythonApi}). Java chooses the scalars and the steps; each
 * {@link #add} is one call into Python that writes and flushes, so it belongs at log and evaluation points, never in
 * the step loop.
 */
public final class TensorBoardWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PythonRuntime python;
    private final PyObject writer;

    private TensorBoardWriter(PythonRuntime python, PyObject writer) {
        this.python = python;
        this.writer = writer;
    }

    /**
     * Opens {@code folder} (made if missing). With {@code purgeStep} > 0 (a run resumed from the checkpoint of the
     * step before), TensorBoard drops the events an earlier writer logged at that step or later: the interrupted
     * run's steps past its checkpoint, which the resumed run writes again.
     */
    public static TensorBoardWriter open(PythonRuntime python, Path folder, long purgeStep) {
        PyObject writer = (PyObject) python.invoke(PythonApi.TENSORBOARD_WRITER, folder.toString(),
                purgeStep > 0 ? purgeStep : null);
        return new TensorBoardWriter(python, writer);
    }

    /** Writes each finite value of {@code scalars} (tag → value, e.g. "train/loss") at {@code step}. */
    public void add(long step, Map<String, Double> scalars) {
        Map<String, Double> finite = new LinkedHashMap<>();
        scalars.forEach((tag, value) -> {
            if (value != null && Double.isFinite(value)) {
                finite.put(tag, value);
            }
        });
        if (finite.isEmpty()) {
            return;
        }
        String json;
        try {
            json = JSON.writeValueAsString(finite);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a map of finite doubles
        }
        call(TensorBoardMethod.ADD, step, json);
    }

    @Override
    public void close() {
        call(TensorBoardMethod.CLOSE);
    }

    private void call(TensorBoardMethod method, Object... args) {
        python.call(p -> writer.getAttr(method.pythonName(), PyCallable.class).call(args));
    }
}
