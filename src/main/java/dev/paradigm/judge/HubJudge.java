package dev.paradigm.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonApi.JudgeMethod;
import dev.paradigm.runtime.PythonException;
import dev.paradigm.runtime.PythonRuntime;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jep.NDArray;
import jep.python.PyCallable;
import jep.python.PyObject;

/**
 * A Hugging Face causal LM as the judge of fluency ({@code evaluate.judge: hf:<folder or hub id>}), loaded and run by
 * Python's {@code paradigm.judge} (which says how a sample is scored). It scores decoded texts, so it needs nothing
 * from the run: not its tokenizer, not its models.
 *
 * <p>Bad settings are caught before any sampling in two steps: {@link #checkFiles} in plain Java, for the config
 * validator (a folder must hold a config, weights and a tokenizer); then {@link #check} through Python, once the
 * interpreter runs (the tokenizer loads and gives back a sentence it encoded; a hub id is in the local cache or the
 * hub is reachable). Both fail with an {@link IllegalArgumentException} whose message names {@code evaluate.judge}.
 */
public final class HubJudge {
    public static final String PREFIX = "hf:";
    static final String KEY = "evaluate.judge";
    // The same lists as paradigm/judge.py (TOKENIZER_FILES, WEIGHT_FILES).
    private static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "tokenizer.model", "vocab.json");
    private static final List<String> WEIGHT_FILES = List.of("model.safetensors", "model.safetensors.index.json",
            "pytorch_model.bin", "pytorch_model.bin.index.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * What {@link #check} learned without loading the weights.
     *
     * @param source        the folder (absolute) or hub id that will be loaded
     * @param local         whether it is read from disk only (a folder, or a hub id already in the local cache)
     * @param contextLength the judge's context, the length of the chunks a text is scored in
     * @param vocabSize     the model's vocabulary (null when its config does not say)
     * @param eosId         the judge tokenizer's end-of-text id
     */
    public record Info(String source, boolean local, int contextLength, Integer vocabSize, int eosId) {}

    private final PythonRuntime python;
    private final PyObject judge;

    private HubJudge(PythonRuntime python, PyObject judge) {
        this.python = python;
        this.judge = judge;
    }

    /** Whether {@code setting} (the value of {@code evaluate.judge}) names a Hugging Face judge. */
    public static boolean isHub(String setting) {
        return setting != null && setting.startsWith(PREFIX);
    }

    /**
     * The config validator's check, without Python: a folder must exist and hold {@code config.json}, weights and a
     * tokenizer. A hub id passes here ({@link #check} decides whether it can be had).
     */
    public static void checkFiles(String setting) {
        String source = source(setting);
        if (!isPath(source)) {
            return;
        }
        Path folder = Path.of(expandHome(source));
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(KEY + "=" + setting + ": the folder " + folder + " does not exist. Give the "
                    + "folder of a model saved with save_pretrained (config.json, weights and tokenizer files).");
        }
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(folder.resolve("config.json"))) {
            missing.add("config.json");
        }
        if (WEIGHT_FILES.stream().noneMatch(f -> Files.isRegularFile(folder.resolve(f)))) {
            missing.add("weights (" + String.join(" or ", WEIGHT_FILES) + ")");
        }
        if (TOKENIZER_FILES.stream().noneMatch(f -> Files.isRegularFile(folder.resolve(f)))) {
            missing.add("tokenizer files (" + String.join(" or ", TOKENIZER_FILES) + ")");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(KEY + "=" + setting + ": the folder " + folder + " is not a Hugging Face "
                    + "model: it has no " + String.join(", no ", missing) + ". Give a folder written by save_pretrained "
                    + "(model and tokenizer).");
        }
    }

    /** The check before sampling, through Python: reads the config and the tokenizer, not the weights. */
    public static Info check(PythonRuntime python, String setting) {
        checkFiles(setting);
        String json = (String) judgeCall(() -> python.invoke(PythonApi.JUDGE_CHECK, setting));
        try {
            return JSON.readValue(json, Info.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the judge onto {@code device} (the {@code train.device} values: auto, cpu, cuda). */
    public static HubJudge load(PythonRuntime python, String setting, String device) {
        checkFiles(setting);
        PyObject judge = (PyObject) judgeCall(() -> python.invoke(PythonApi.JUDGE_LOAD, setting, device));
        return new HubJudge(python, judge);
    }

    /** JSON: source, model class, context_length, vocab_size, eos_id, device, params. */
    public String info() {
        return python.call(p -> (String) judge.getAttr(JudgeMethod.INFO.pythonName(), PyCallable.class).call());
    }

    /**
     * For each text, {@code [summed NLL in nats, tokens counted]} under the judge; {@code ended[i]} says whether sample
     * i stopped at its end-of-story token (then the judge also scores predicting the end there).
     */
    public double[][] score(List<String> texts, List<Boolean> ended, int batchSize) {
        NDArray<?> array = python.call(p -> (NDArray<?>) judge.getAttr(JudgeMethod.SCORE.pythonName(), PyCallable.class)
                .call(texts, ended, batchSize));
        double[] flat = (double[]) array.getData();
        double[][] rows = new double[texts.size()][2];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = flat[2 * i];
            rows[i][1] = flat[2 * i + 1];
        }
        return rows;
    }

    /** A setting Python refuses (its {@code JudgeError}) is bad input: an IllegalArgumentException with its message. */
    private static Object judgeCall(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (PythonException e) {
            if ("JudgeError".equals(e.pythonType())) {
                throw new IllegalArgumentException(e.pythonMessage(), e);
            }
            throw e;
        }
    }

    private static String source(String setting) {
        if (!isHub(setting) || setting.length() == PREFIX.length()) {
            throw new IllegalArgumentException(KEY + "=" + setting + " is not a Hugging Face judge; expected "
                    + "hf:<model folder or hub id>, e.g. hf:/models/gpt2-large or hf:gpt2-large.");
        }
        return setting.substring(PREFIX.length());
    }

    /** As paradigm/judge.py: an existing path, or one that starts like a path; anything else is a hub id. */
    private static boolean isPath(String source) {
        return Files.exists(Path.of(expandHome(source))) || source.startsWith("/") || source.startsWith(".")
                || source.startsWith("~");
    }

    private static String expandHome(String source) {
        return source.equals("~") || source.startsWith("~/") ? System.getProperty("user.home") + source.substring(1) : source;
    }
}
