package dev.paradigm.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.config.ConfigException;
import dev.paradigm.config.Device;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.TokenizerKind;
import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What is checked about this machine before a stage starts, after the config's own rules ({@code ConfigValidator})
 * and the Python environment ({@code PythonEnvironment#requireUsable}): that the configured device exists, and that the
 * tokenizer and the model fit in its memory ({@link MemoryEstimate}). A problem is a configuration error (exit 2)
 * that names the key to change, raised before anything is written.
 */
public final class Preflight {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What PyTorch sees: whether CUDA is usable, and the memory of its device (null when there is none). */
    record DeviceFacts(String torch, boolean cudaAvailable, Long cudaMemory) {}

    private Preflight() {}

    /** The prepare stage alone: only the tokenizer runs, on this machine's memory. */
    public static void forPrepare(ExperimentConfig config) {
        raise(problems(config, MemoryEstimate.of(config, 1), null, hostMemory()));
    }

    /** Commands that train (compare, train, bench): the device, the tokenizer and the model in training. */
    public static void forTraining(ExperimentConfig config, PythonRuntime python, int processes) {
        raise(problems(config, MemoryEstimate.of(config, processes), deviceFacts(python), hostMemory()));
    }

    /** Commands that load a trained model (sample, evaluate): the device. */
    public static void forModel(ExperimentConfig config, PythonRuntime python) {
        raise(problems(config, null, deviceFacts(python), hostMemory()));
    }

    /**
     * Every problem: {@code estimate} null skips the memory checks, {@code device} null the device checks (and the
     * model's memory).
     */
    static List<String> problems(ExperimentConfig config, MemoryEstimate estimate, DeviceFacts device, long hostMemory) {
        List<String> problems = new ArrayList<>();
        Device wanted = config.train().device();
        if (device != null && wanted == Device.CUDA && !device.cudaAvailable()) {
            problems.add("train.device: expected auto or cpu, because the PyTorch of this Python environment (torch "
                    + device.torch() + ") sees no CUDA device, found cuda. Set train.device to auto (uses a GPU when "
                    + "there is one) or run on a machine with a GPU.");
            return problems;
        }
        if (estimate == null) {
            return problems;
        }
        long vocab = config.data().vocabSize();
        if (config.data().tokenizer() == TokenizerKind.BPE && estimate.tokenizerBytes() > hostMemory) {
            problems.add(String.format(Locale.ROOT, "data.vocab_size: the BPE trainer sets aside at least %s for a "
                    + "vocabulary of %,d tokens before it reads a word, but this machine has %s of memory. Expected a "
                    + "vocabulary that fits: tens of thousands of tokens is usual (GPT-2 has 50,257), and a corpus rarely "
                    + "supports more than a few hundred thousand; found %,d.", gib(estimate.tokenizerBytes()), vocab,
                    gib(hostMemory), vocab));
        }
        if (device != null) {
            boolean cuda = wanted != Device.CPU && device.cudaAvailable();
            long memory = cuda && device.cudaMemory() != null ? device.cudaMemory() : hostMemory;
            if (estimate.trainingBytes() > memory) {
                problems.add(String.format(Locale.ROOT, "%s: training needs at least %s on %s — %,d parameters "
                        + "(data.vocab_size %,d and model.d_model %d set the embedding; model.n_layer %d, model.d_ff %d the "
                        + "blocks) × 16 bytes of fp32 weights, gradients and AdamW moments, plus the logits of a batch "
                        + "(train.batch_size %d × model.seq_len %d) — but it has %s. Lower data.vocab_size, model.d_model, "
                        + "model.n_layer, model.d_ff or train.batch_size.", estimate.largestKey(), gib(estimate.trainingBytes()),
                        cuda ? "the GPU" : "this machine", estimate.parameters(), vocab, config.model().dModel(),
                        config.model().nLayer(), config.model().dFf(), config.train().batchSize(),
                        config.model().seqLen(), gib(memory)));
            }
        }
        return problems;
    }

    private static void raise(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigException("this machine", problems);
        }
    }

    private static DeviceFacts deviceFacts(PythonRuntime python) {
        try {
            JsonNode facts = JSON.readTree((String) python.invoke(PythonApi.PREFLIGHT));
            return new DeviceFacts(facts.path("torch").asText(), facts.path("cuda_available").asBoolean(),
                    facts.hasNonNull("cuda_memory") ? facts.get("cuda_memory").asLong() : null);
        } catch (IOException e) {
            throw new UncheckedIOException("paradigm.device.preflight returned something that is not JSON", e);
        }
    }

    /** Physical memory (the container's limit inside a container). */
    static long hostMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
