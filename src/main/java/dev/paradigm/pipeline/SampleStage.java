package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.Prompt;
import dev.paradigm.config.Protocol;
import dev.paradigm.config.SampleConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.engine.TokenArrays;
import dev.paradigm.run.RunFileException;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.SampleLine;
import dev.paradigm.run.SamplerSettings;
import dev.paradigm.run.SamplesFile;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import jep.NDArray;

/**
 * Draws {@code sample.n} samples from a trained paradigm (its best checkpoint) and writes {@code samples.jsonl}:
 * token ids, decoded text, the seed of each batch and the sampler settings.
 *
 * <p>Conditioning. Under the controlled protocol both paradigms get the same prefix: the end-of-story token
 * ({@code prompt: eos}), that token plus a text ({@code prompt: text}), or — {@code prompt: none} — nothing for
 * MDLM and the end-of-story token for AR, which cannot start from nothing. Under {@code arche-2026} the study's
 * asymmetry is reproduced on purpose: AR gets the prompt text (e.g. "Once"), MDLM none.
 */
public final class SampleStage {
    private SampleStage() {}

    /**
     * Complete when samples.jsonl holds {@code sample.n} samples drawn with the current {@code sample} settings: samples
     * drawn with other settings (the config's sample section changed) are stale.
     */
    public static boolean isComplete(RunFolder run, Paradigm paradigm, ExperimentConfig config) {
        if (!Files.exists(run.samples(paradigm))) {
            return false;
        }
        try {
            List<SampleLine> samples = SamplesFile.read(run, paradigm);
            return samples.size() == config.sample().n() && samples.get(0).sampler().sample().equals(config.sample());
        } catch (RunFileException damagedOrOlder) { // drawn again
            return false;
        }
    }

    /** The prompt token ids this paradigm is conditioned on (empty: unconditional). */
    static List<Integer> promptIds(ExperimentConfig config, Paradigm paradigm, TokenStore store, PythonRuntime python) {
        SampleConfig sample = config.sample();
        List<Integer> ids = new ArrayList<>();
        if (config.protocol() == Protocol.ARCHE_2026) {
            if (paradigm == Paradigm.AR) {
                if (sample.prompt() == Prompt.TEXT) {
                    ids.addAll(encode(python, store, sample.promptText()));
                }
                if (ids.isEmpty()) {
                    ids.add(store.eosId());
                }
            }
            return ids;
        }
        if (sample.prompt() != Prompt.NONE || paradigm == Paradigm.AR) {
            ids.add(store.eosId());
        }
        if (sample.prompt() == Prompt.TEXT) {
            ids.addAll(encode(python, store, sample.promptText()));
        }
        return ids;
    }

    private static List<Integer> encode(PythonRuntime python, TokenStore store, String text) {
        NDArray<?> array = (NDArray<?>) python.invoke("paradigm.data.tokenizer", "encode", tokenizerFile(store), text);
        List<Integer> ids = new ArrayList<>();
        for (int id : (int[]) array.getData()) {
            ids.add(id);
        }
        return ids;
    }

    static String tokenizerFile(TokenStore store) {
        return store.folder().resolve(store.manifest().tokenizer().file()).toString();
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
        Engine engine = Engine.create(python, config.toJson(), paradigm, store.vocabSize(), store.eosId());
        engine.load(best);

        SampleConfig sample = config.sample();
        List<Integer> prompt = promptIds(config, paradigm, store, python);
        // What Python reads (the config's snake_case key names) and what every line records.
        SamplerSettings settings = new SamplerSettings(sample, prompt, config.protocol());
        String checkpoint = run.root().relativize(best).toString();
        String settingsJson = settings.toJson();
        String tokenizer = tokenizerFile(store);

        List<SampleLine> out = new ArrayList<>();
        Progress progress = new Progress(paradigm.id() + " sample", sample.n());
        int index = 0;
        for (int b = 0; index < sample.n(); b++) {
            int count = Math.min(sample.batchSize(), sample.n() - index);
            long seed = batchSeed(config.seed(), paradigm, b);
            int[][] ids = engine.sample(count, seed, settingsJson);
            List<String> texts = decode(python, tokenizer, ids, sample.stopAtEos());
            for (int i = 0; i < count; i++) {
                out.add(new SampleLine(index + i, IntStream.of(ids[i]).boxed().toList(), texts.get(i), seed, paradigm,
                        checkpoint, settings));
            }
            index += count;
            progress.update(index, "");
        }
        SamplesFile.write(run, paradigm, out);
    }

    @SuppressWarnings("unchecked")
    static List<String> decode(PythonRuntime python, String tokenizer, int[][] ids, boolean stopAtEos) {
        NDArray<int[]> array = TokenArrays.of(ids);
        return (List<String>) python.invoke("paradigm.data.tokenizer", "decode_batch", tokenizer, array, stopAtEos);
    }
}
