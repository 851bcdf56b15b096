package dev.paradigm.runtime;

import java.util.Locale;

/**
 * Every Python name Java calls, in one place (docs/boundary.md is the contract): the module-level functions, the
 * Engine and Judge classes, and their methods. Nothing else in Java spells a Python module, function or method
 * name, so a rename on the Python side is a change here, and {@code PythonApiTest} checks that each name exists.
 */
public final class PythonApi {
    private PythonApi() {}

    /** A module-level callable of the {@code paradigm} package: {@code from module import name}. */
    public record Function(String module, String name) {}

    /** {@code prepare(config_json, out_dir) -> manifest JSON}: the prepare stage. */
    public static final Function PREPARE = new Function("paradigm.data.prepare", "prepare");

    /** {@code preflight() -> JSON}: torch's version, whether it sees CUDA and the GPU's memory, checked before a stage. */
    public static final Function PREFLIGHT = new Function("paradigm.device", "preflight");

    /** {@code report() -> str}: versions and device, for {@code paradigm doctor}. */
    public static final Function DOCTOR_REPORT = new Function("paradigm.doctor", "report");

    /** The process group of distributed training (docs/distributed.md). */
    public static final Function JOIN = new Function("paradigm.distributed", "join");
    public static final Function BARRIER = new Function("paradigm.distributed", "barrier");
    public static final Function BROADCAST_TEXT = new Function("paradigm.distributed", "broadcast_text");
    public static final Function ANY_TRUE = new Function("paradigm.distributed", "any_true");
    public static final Function LEAVE = new Function("paradigm.distributed", "leave");

    /** The Engine class: calling it builds one model with its optimizer. */
    public static final Function ENGINE = new Function("paradigm.engine", "Engine");

    /** {@code check(setting) -> JSON}: an evaluate.judge Hugging Face model's settings, without its weights. */
    public static final Function JUDGE_CHECK = new Function("paradigm.judge", "check");

    /** {@code load(setting, device) -> Judge}: the Hugging Face judge of fluency, loaded. */
    public static final Function JUDGE_LOAD = new Function("paradigm.judge", "load");

    /** The Judge class, whose {@link JudgeMethod}s Java calls on what {@link #JUDGE_LOAD} returns. */
    public static final Function JUDGE = new Function("paradigm.judge", "Judge");

    /** The TensorBoardWriter class: calling it opens a folder of TensorBoard event files. */
    public static final Function TENSORBOARD_WRITER = new Function("paradigm.tracking", "TensorBoardWriter");

    /** The methods of an Engine; each one's Python name is the constant in lower case. */
    public enum EngineMethod {
        INFO, BIND_BATCH, TRAIN_STEP, DRAIN, EVALUATE, CROSS_ENTROPY, SAMPLE, SCORE, SAVE, LOAD, SET_RNG, TRAIN_WINDOW,
        DEVICE_FACTS;

        public String pythonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The methods of a TensorBoardWriter; each one's Python name is the constant in lower case. */
    public enum TensorBoardMethod {
        ADD, CLOSE;

        public String pythonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The methods of a Judge; each one's Python name is the constant in lower case. */
    public enum JudgeMethod {
        INFO, SCORE;

        public String pythonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
