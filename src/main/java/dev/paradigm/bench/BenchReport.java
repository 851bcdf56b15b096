package dev.paradigm.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.ModelConfig;
import dev.paradigm.engine.EngineInfo;
import dev.paradigm.engine.Paradigm;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything one {@code paradigm bench} run measured, as {@code bench.json} and as a terminal table.
 *
 * @param data      where the tokens came from: "synthetic" or the prepared data folder
 * @param vocabSize the token store's vocabulary
 * @param load      the system load average (1 min) before and after, as the JVM reports it (negative: unknown)
 */
public record BenchReport(ExperimentConfig config, BenchSettings settings, String data, int vocabSize,
        List<ParadigmResult> paradigms, HostBenchmark.Result host, Instant started, double wallSeconds, double[] load) {

    static final String FORMAT = "paradigm-bench";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PEAK_MEMORY_MEANING = Map.of(
            "cuda_max_allocated", "the CUDA allocator's peak of allocated tensors",
            "process_peak_rss", "the process's peak resident set (JVM + Python)",
            "process_peak_rss_since_start", "the process's peak resident set (JVM + Python) since it started");

    /**
     * One paradigm's numbers.
     *
     * @param device the engine's {@code device_facts}, read after its training, evaluation, checkpoint and sampling
     *               were timed (device name, torch, threads, memory, and the peak memory since the engine was built)
     */
    public record ParadigmResult(Paradigm paradigm, EngineInfo info, JsonNode device, TrainingBenchmark.Result training,
            List<SamplingBenchmark.Result> sampling) {

        /** The most memory in use while this paradigm was benchmarked, in GiB (see {@link #peakMemoryKind}). */
        public double peakMemoryGib() {
            return device.path("peak_memory_gib").asDouble(Double.NaN);
        }

        /**
         * What {@link #peakMemoryGib} measured: {@code cuda_max_allocated} (the CUDA caching allocator's peak of
         * allocated tensors), {@code process_peak_rss} (on a CPU: the peak resident set of the whole process, the JVM
         * included), or {@code process_peak_rss_since_start} (the same where the peak could not be reset per engine).
         */
        public String peakMemoryKind() {
            return device.path("peak_memory_kind").asText("unknown");
        }

        /** The dense peak FLOP/s of the device in the engine's dtype (and TF32 setting), when known. */
        public OptionalDouble peakFlops() {
            return PeakFlops.of(device.path("device_name").asText(null), info.dtype(),
                    device.path("tf32_matmul").asBoolean(false));
        }

        /** Model FLOP utilisation of the Java-driven loop's median throughput, when the peak is known. */
        public OptionalDouble mfu() {
            return PeakFlops.utilisation(info.flopsPerToken(), training.java().median(), peakFlops());
        }
    }

    /** bench.json's content. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("created", started.toString());
        root.putObject("config").put("name", config.name()).put("sha256", config.hash());
        ParadigmResult first = paradigms.get(0);
        JsonNode device = first.device();
        root.put("device", device.path("device_name").isTextual() ? device.get("device_name").asText()
                : device.path("device").asText());
        root.put("device_type", device.path("device").asText());
        root.put("dtype", first.info().dtype());
        root.put("torch", device.path("torch").asText());
        root.put("compiled", first.info().compiled());
        putOptional(root, "peak_flops", first.peakFlops());
        ObjectNode machine = root.putObject("machine");
        machine.put("cpu", device.path("cpu").asText());
        machine.set("cpu_count", device.path("cpu_count"));
        machine.set("torch_threads", device.path("torch_threads"));
        machine.set("cuda", device.path("cuda"));
        machine.put("java", System.getProperty("java.version"));
        machine.set("python", device.path("python"));
        putLoad(machine, "load_average_before", load[0]);
        putLoad(machine, "load_average_after", load[1]);
        ModelConfig m = config.model();
        root.putObject("model").put("n_layer", m.nLayer()).put("d_model", m.dModel()).put("n_head", m.nHead())
                .put("d_ff", m.dFf()).put("seq_len", m.seqLen()).put("vocab_size", vocabSize);
        root.putObject("data").put("source", data).put("vocab_size", vocabSize);
        ObjectNode s = root.putObject("settings");
        s.put("batch_size", config.train().batchSize()).put("seq_len", m.seqLen()).put("warmup_steps", settings.warmupSteps())
                .put("windows", settings.windows()).put("window_steps", settings.windowSteps())
                .put("drain_every", first.training().drainEvery()).put("repeats", settings.repeats())
                .put("sample_n", settings.sampleCount()).put("lr", config.train().lr());
        ObjectNode results = root.putObject("paradigms");
        for (ParadigmResult p : paradigms) {
            results.set(p.paradigm().id(), paradigmJson(p));
        }
        ObjectNode java = root.putObject("java_host");
        java.set("self_bleu_1000_s", summary(host.selfBleuSeconds()));
        java.put("self_bleu_words", host.selfBleuWords());
        java.put("batch_assemble_us", host.batch().assembleMicros());
        java.put("stream_digest_us", host.batch().digestMicros());
        java.put("batch_shape", host.batch().batchSize() + "x" + host.batch().seqLen());
        root.put("wall_s", wallSeconds);
        return root;
    }

    private ObjectNode paradigmJson(ParadigmResult p) {
        TrainingBenchmark.Result t = p.training();
        ObjectNode node = JSON.createObjectNode();
        node.put("params", p.info().params());
        node.put("flops_per_token", p.info().flopsPerToken());
        node.put("tokens_per_s", t.java().median());
        putOptional(node, "mfu", p.mfu());
        ObjectNode training = node.putObject("training");
        training.set("java_tokens_per_s", summary(t.java()));
        training.set("python_tokens_per_s", summary(t.python()));
        training.put("java_over_python", t.javaOverPython());
        training.put("java_overhead_percent", t.javaOverheadPercent());
        training.set("pair_ratios", summary(t.pairRatios()));
        ArrayNode javaWindows = training.putArray("java_windows");
        ArrayNode pythonWindows = training.putArray("python_windows");
        for (int i = 0; i < t.javaTokensPerSecond().length; i++) {
            javaWindows.add(t.javaTokensPerSecond()[i]);
            pythonWindows.add(t.pythonTokensPerSecond()[i]);
        }
        ObjectNode eval = node.putObject("evaluation");
        eval.put("chunks", t.evalChunks());
        eval.set("seconds", summary(t.evalSeconds()));
        eval.put("tokens_per_s", (double) t.evalChunks() * t.seqLen() / t.evalSeconds().median());
        node.putObject("checkpoint").set("seconds", summary(t.checkpointSeconds()));
        ArrayNode sampling = node.putArray("sampling");
        for (SamplingBenchmark.Result r : p.sampling()) {
            sampling.addObject().put("sampler", r.sampler()).put("samples", r.samples()).put("length", r.length())
                    .put("batch_size", r.batchSize()).put("seconds", r.seconds())
                    .put("samples_per_s", r.samplesPerSecond()).put("tokens_per_s", r.tokensPerSecond());
        }
        node.put("peak_memory_gib", p.peakMemoryGib());
        node.put("peak_memory_kind", p.peakMemoryKind());
        return node;
    }

    /** The table printed at the end of {@code paradigm bench}. */
    public String table() {
        StringBuilder out = new StringBuilder();
        ParadigmResult first = paradigms.get(0);
        JsonNode device = first.device();
        ModelConfig m = config.model();
        out.append(f("paradigm bench: %s on %s (%s, torch %s, %s threads%s); load %s -> %s%n", config.name(),
                device.path("device_name").isTextual() ? device.get("device_name").asText() : device.path("device").asText(),
                first.info().dtype(), device.path("torch").asText(), device.path("torch_threads").asText(),
                first.info().compiled() ? ", compiled" : "", loadText(load[0]), loadText(load[1])));
        out.append(f("model %d x %d (heads %d, d_ff %d), vocab %,d (%s); batch %d x %d; %d windows of %d steps "
                        + "after %d warm-up steps, drain every %d%n", m.nLayer(), m.dModel(), m.nHead(), m.dFf(), vocabSize,
                data, config.train().batchSize(), m.seqLen(), settings.windows(), settings.windowSteps(),
                settings.warmupSteps(), first.training().drainEvery()));
        out.append(f("%n%-6s %12s %10s %14s %18s %8s %14s %11s %24s %12s%n", "train", "params", "FLOPs/tok",
                "tok/s (Java)", "IQR / min-max", "MFU", "tok/s (Python)", "Java/Python", "window pairs: median (range)",
                "peak GiB"));
        for (ParadigmResult p : paradigms) {
            TrainingBenchmark.Result t = p.training();
            out.append(f("%-6s %,12d %10.3g %,14.0f %18s %8s %,14.0f %11.4f %24s %12.3f%n", p.paradigm().id(),
                    p.info().params(), p.info().flopsPerToken(), t.java().median(), spread(t.java()),
                    p.mfu().isPresent() ? f("%.1f%%", 100 * p.mfu().getAsDouble()) : "n/a", t.python().median(),
                    t.javaOverPython(), f("%.3f (%.2f-%.2f)", t.pairRatios().median(), t.pairRatios().min(),
                            t.pairRatios().max()), p.peakMemoryGib()));
        }
        out.append(f("peak GiB: %s, over each paradigm's whole benchmark%n", PEAK_MEMORY_MEANING.getOrDefault(
                first.peakMemoryKind(), first.peakMemoryKind())));
        out.append(f("%n%-6s %24s %22s%n", "", "evaluation (s, median)", "checkpoint (s, median)"));
        for (ParadigmResult p : paradigms) {
            TrainingBenchmark.Result t = p.training();
            out.append(f("%-6s %24s %22.3f%n", p.paradigm().id(),
                    f("%.3f (%d chunks)", t.evalSeconds().median(), t.evalChunks()), t.checkpointSeconds().median()));
        }
        boolean sampled = paradigms.stream().anyMatch(p -> !p.sampling().isEmpty());
        if (sampled) {
            out.append(f("%n%-18s %8s %8s %12s %12s%n", "sampler", "samples", "length", "samples/s", "tokens/s"));
            for (ParadigmResult p : paradigms) {
                for (SamplingBenchmark.Result r : p.sampling()) {
                    out.append(f("%-18s %8d %8d %12.2f %,12.0f%n", r.sampler(), r.samples(), r.length(),
                            r.samplesPerSecond(), r.tokensPerSecond()));
                }
            }
        }
        out.append(f("%nJava: exact Self-BLEU of %,d samples (%,d words) %.3f s (median of %d); batch %dx%d: assemble "
                        + "%.1f us, stream digest %.1f us (medians)%n", HostBenchmark.SELF_BLEU_SAMPLES, host.selfBleuWords(),
                host.selfBleuSeconds().median(), host.selfBleuSeconds().n(), host.batch().batchSize(),
                host.batch().seqLen(), host.batch().assembleMicros(), host.batch().digestMicros()));
        return out.toString();
    }

    /** bench.json as text. */
    public String toJsonText() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode summary(Summary s) {
        return JSON.createObjectNode().put("median", s.median()).put("q1", s.q1()).put("q3", s.q3()).put("min", s.min())
                .put("max", s.max()).put("n", s.n());
    }

    private static String spread(Summary s) {
        return f("%.1f%% / %.1f%%", 100 * s.relativeIqr(), 100 * (s.max() - s.min()) / s.median());
    }

    private static void putOptional(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(key, value.getAsDouble());
        } else {
            node.putNull(key);
        }
    }

    private static void putLoad(ObjectNode node, String key, double value) {
        if (value >= 0) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static String loadText(double value) {
        return value >= 0 ? f("%.2f", value) : "unknown";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
