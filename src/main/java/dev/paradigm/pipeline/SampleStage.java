package dev.paradigm.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.Prompt;
import dev.paradigm.config.SampleConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.engine.Samples;
import dev.paradigm.run.AtomicFiles;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws {@code sample.n} samples from a trained paradigm (its best checkpoint) and writes {@code samples.jsonl}:
 * token ids, decoded text, the seed of each batch and the sampler settings.
 *
 * <p>Conditioning. Each paradigm starts from what its key says ({@code sample.ar_prompt},
 * {@code sample.mdlm_prompt}): the end-of-story token, {@code sample.prompt_text}, both, or (MDLM) nothing. The
 * controlled configs give both paradigms the same; {@code arche-2026} reproduces the study's asymmetry on purpose
 * (AR gets "Once", MDLM nothing). One call to the engine encodes the prompt, samples and decodes.
 */
public final class SampleStage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleStage() {}

    /**
     * Complete when samples.jsonl holds {@code sample.n} samples drawn with the current {@code sample} settings: samples
     * drawn with other settings (the config's sample section changed) are stale.
     */
    public static boolean isComplete(RunFolder run, Paradigm paradigm, ExperimentConfig config) {
        Path file = run.samples(paradigm);
        if (!Files.exists(file)) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            if (lines.size() != config.sample().n()) {
                return false;
            }
            JsonNode recorded = JSON.readTree(lines.get(0)).path("sampler");
            ObjectNode current = samplerSection(config);
            for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) current::fields) {
                if (!field.getValue().equals(recorded.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Which prompt this paradigm starts from. */
    static Prompt promptOf(SampleConfig sample, Paradigm paradigm) {
        return paradigm == Paradigm.AR ? sample.arPrompt() : sample.mdlmPrompt();
    }

    /**
     * The prompt as the engine takes it: a list of pieces, each a token id or a text for its tokenizer (empty:
     * unconditional).
     */
    static List<Object> prompt(SampleConfig sample, Paradigm paradigm, int eosId) {
        return switch (promptOf(sample, paradigm)) {
            case NONE -> List.of();
            case EOS -> List.of(eosId);
            case TEXT -> List.of(sample.promptText());
            case EOS_TEXT -> List.of(eosId, sample.promptText());
        };
    }

    /** Batch {@code b}'s seed, derived from the run seed so that every batch draws different noise. */
    static long batchSeed(long seed, Paradigm paradigm, int b) {
        long z = seed * 0x9E3779B97F4A7C15L + (paradigm.ordinal() + 1L) * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return (z ^ (z >>> 29)) & Long.MAX_VALUE;
    }

    public static void run(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python) {
        if (!TrainStage.isComplete(run, paradigm)) {
            throw new IllegalStateException("The " + paradigm + " model in " + run.root() + " has not finished training. Run "
                    + "`paradigm train --paradigm " + paradigm + " --run-dir " + run.root() + "` first.");
        }
        TokenStore store = TokenStore.open(run.data());
        Path best = BestCheckpoint.of(run, paradigm);
        Engine engine = Engine.create(python, config.toJson(), paradigm, store.vocabSize(), store.eosId(),
                store.tokenizerFile());
        engine.load(best);

        SampleConfig sample = config.sample();
        List<Object> prompt = prompt(sample, paradigm, store.eosId());
        // The resolved section with the config's own (snake_case) key names, which Python reads.
        String sampleJson = samplerSection(config).toString();
        // What samples.jsonl records: that section, this paradigm's prompt and its ids (known after the first call).
        ObjectNode settings = samplerSection(config);
        settings.put("prompt", promptOf(sample, paradigm).toString());
        String checkpoint = run.root().relativize(best).toString();

        StringBuilder out = new StringBuilder();
        Progress progress = new Progress(paradigm.id() + " sample", sample.n());
        int index = 0;
        for (int b = 0; index < sample.n(); b++) {
            int count = Math.min(sample.batchSize(), sample.n() - index);
            long seed = batchSeed(config.seed(), paradigm, b);
            Samples drawn = engine.sample(count, seed, sampleJson, prompt);
            int[][] ids = drawn.ids();
            List<String> texts = drawn.texts();
            if (b == 0) {
                ArrayNode promptNode = settings.putArray("prompt_ids");
                drawn.promptIds().forEach(promptNode::add);
                if (drawn.promptIds().isEmpty()) {
                    settings.putNull("prompt_ids");
                }
                settings.put("protocol", config.protocol().toString());
            }
            for (int i = 0; i < count; i++) {
                ObjectNode line = JSON.createObjectNode();
                line.put("index", index + i);
                ArrayNode idNode = line.putArray("ids");
                for (int id : ids[i]) {
                    idNode.add(id);
                }
                line.put("text", texts.get(i));
                line.put("seed", seed);
                line.put("paradigm", paradigm.id());
                line.put("checkpoint", checkpoint);
                line.set("sampler", settings);
                out.append(line).append('\n');
            }
            index += count;
            progress.update(index, "");
        }
        AtomicFiles.writeString(run.samples(paradigm), out.toString());
    }

    /** The {@code sample} section of the resolved config as Python receives it (snake_case keys). */
    static ObjectNode samplerSection(ExperimentConfig config) {
        try {
            return (ObjectNode) JSON.readTree(config.toJson()).get("sample").deepCopy();
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) { // toJson writes valid JSON
            throw new IllegalStateException(impossible);
        }
    }

    /** Reads samples.jsonl; a malformed line is reported with its number. */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> samples = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(lines.get(i));
                    if (!node.has("ids") || !node.has("text")) {
                        throw new IllegalArgumentException("Line " + (i + 1) + " of " + file
                                + " has no \"ids\" or no \"text\" field; each line must be one sample object.");
                    }
                    samples.add(node);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException("Line " + (i + 1) + " of " + file + " is not valid JSON: "
                            + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no samples. Run `paradigm sample` again.");
        }
        return samples;
    }
}
