package dev.paradigm.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.Sha256;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.metrics.MetricsJson;
import dev.paradigm.metrics.MetricsResult;
import dev.paradigm.metrics.MetricsSettings;
import dev.paradigm.metrics.SampleMetrics;
import dev.paradigm.metrics.Smoothing;
import dev.paradigm.run.AtomicFiles;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every number about one paradigm's samples, computed in Java ({@code metrics.json}): diversity with bootstrap
 * intervals, generative perplexity under a judge AR model, and the validation loss from training beside them.
 */
public final class EvaluateStage {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The metrics.json field that names the samples it was computed from (see {@link #isComplete}). */
    static final String SAMPLES_SHA256 = "samples_sha256";

    /** The metrics.json field that records the {@code evaluate} settings it was computed with. */
    static final String SETTINGS = "evaluate_settings";

    private static JsonNode settingsOf(ExperimentConfig config) {
        try {
            return JSON.readTree(config.toJson()).get("evaluate");
        } catch (IOException impossible) { // toJson writes valid JSON
            throw new IllegalStateException(impossible);
        }
    }

    private EvaluateStage() {}

    private static String sha256(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /**
     * Complete when {@code metrics.json} was computed from the {@code samples.jsonl} that is there now: new samples
     * (a rerun of the sample stage) make the old metrics stale.
     */
    public static boolean isComplete(RunFolder run, Paradigm paradigm, ExperimentConfig config) {
        Path metrics = run.sampleMetrics(paradigm);
        Path samples = run.samples(paradigm);
        if (!Files.exists(metrics) || !Files.exists(samples)) {
            return false;
        }
        try {
            JsonNode done = JSON.readTree(metrics.toFile());
            return done.path(SAMPLES_SHA256).asText().equals(Sha256.ofFile(samples))
                    && done.path(SETTINGS).equals(settingsOf(config));
        } catch (IOException unreadable) { // a damaged metrics.json is recomputed
            return false;
        }
    }

    public static void run(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python) {
        Path samplesFile = run.samples(paradigm);
        if (!Files.exists(samplesFile)) {
            throw new IllegalStateException("No samples for " + paradigm + " in " + run.root() + ". Run `paradigm sample "
                    + "--paradigm " + paradigm + " --run-dir " + run.root() + "` first.");
        }
        String samplesSha256 = sha256(samplesFile);
        List<JsonNode> samples = SampleStage.read(samplesFile);
        List<String> texts = samples.stream().map(s -> s.path("text").asText()).toList();
        TokenStore store = TokenStore.open(run.data());
        int[][] generated = generatedIds(samples, store.eosId());

        MetricsSettings settings = new MetricsSettings(config.seed(), config.evaluate().bootstrap(),
                Smoothing.parse(config.evaluate().smoothing().toString()));
        MetricsResult result = SampleMetrics.compute(texts, generated, settings);

        ObjectNode out = JSON.createObjectNode();
        out.put("paradigm", paradigm.id());
        out.put("n_samples", samples.size());
        out.put(SAMPLES_SHA256, samplesSha256);
        out.set(SETTINGS, settingsOf(config));
        out.put("seed", config.seed());
        out.set("sampler", samples.get(0).path("sampler"));
        ObjectNode metricsNode = MetricsJson.toJson(result, JSON);
        out.set("metrics", metricsNode.has("metrics") ? metricsNode.get("metrics") : metricsNode);
        if (metricsNode.has(MetricsJson.TOP_FIRST_WORD)) {
            out.set(MetricsJson.TOP_FIRST_WORD, metricsNode.get(MetricsJson.TOP_FIRST_WORD));
        }
        out.set("validation", validation(run, paradigm));
        out.set("fluency", Fluency.evaluate(config, run, store, paradigm, python, samples, texts, settings));
        AtomicFiles.writeString(run.sampleMetrics(paradigm), out.toPrettyString());
    }

    /**
     * The ids each sample generated: after the prompt prefix the sampler was given (not the model's output) and
     * before the first end-of-story token (the filler after it is not text either).
     */
    static int[][] generatedIds(List<JsonNode> samples, int eosId) {
        int[][] ids = new int[samples.size()][];
        for (int i = 0; i < ids.length; i++) {
            JsonNode sample = samples.get(i);
            int prompt = sample.path("sampler").path("prompt_ids").size();
            JsonNode all = sample.get("ids");
            int end = prompt;
            while (end < all.size() && all.get(end).asInt() != eosId) {
                end++;
            }
            ids[i] = new int[end - prompt];
            for (int j = prompt; j < end; j++) {
                ids[i][j - prompt] = all.get(j).asInt();
            }
        }
        return ids;
    }

    private static ObjectNode validation(RunFolder run, Paradigm paradigm) {
        JsonNode summary = TrainStage.summary(run, paradigm);
        ObjectNode node = JSON.createObjectNode();
        if (summary != null) {
            double best = summary.path("analysis").path("best_val_loss").asDouble();
            node.put("val_loss", best);
            node.put("val_ppl", Math.exp(best));
            node.put("best_step", summary.path("analysis").path("best_step").asInt());
        }
        node.put("bound", paradigm == Paradigm.MDLM);
        return node;
    }
}
