package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.Prompt;
import dev.paradigm.config.SampleConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.engine.Samples;
import dev.paradigm.run.Hints;
import dev.paradigm.run.RunFileException;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.RunJson;
import dev.paradigm.run.SampleLine;
import dev.paradigm.run.SamplerSettings;
import dev.paradigm.run.SamplesFile;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

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
        Sampler sampler = Sampler.load(config, run, paradigm, python);
        SamplesFile.write(run, paradigm, sampler.draw(config.sample(), b -> batchSeed(config.seed(), paradigm, b),
                paradigm.id() + " sample"));
    }

    /** A trained paradigm's best checkpoint, loaded to draw samples with any settings of the {@code sample} section. */
    record Sampler(ExperimentConfig config, RunFolder run, Paradigm paradigm, TokenStore store, Engine engine, Path best) {

        static Sampler load(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python) {
            if (!TrainStage.isComplete(run, paradigm)) {
                throw new IllegalStateException("The " + paradigm + " model in " + run.root() + " has not finished "
                        + "training. Run " + Hints.train(run, paradigm) + " first.");
            }
            TokenStore store = TokenStore.open(run.data());
            Path best = BestCheckpoint.of(run, paradigm);
            Engine engine = Engine.create(python, config.toJson(), paradigm, store.vocabSize(), store.eosId(),
                    store.tokenizerFile());
            engine.load(best);
            return new Sampler(config, run, paradigm, store, engine, best);
        }

        /** {@code sample.n} samples drawn with {@code sample}, batch b seeded with {@code seeds.applyAsLong(b)}. */
        List<SampleLine> draw(SampleConfig sample, IntToLongFunction seeds, String label) {
            List<Object> prompt = prompt(sample, paradigm, store.eosId());
            String sampleJson = RunJson.tree(sample).toString(); // the section as Python reads it (snake_case keys)
            String checkpoint = run.root().relativize(best).toString();
            SamplerSettings settings = null; // what every line records, once the first call says what the prompt's ids are

            List<SampleLine> out = new ArrayList<>();
            Progress progress = new Progress(label, sample.n());
            int index = 0;
            for (int b = 0; index < sample.n(); b++) {
                int count = Math.min(sample.batchSize(), sample.n() - index);
                long seed = seeds.applyAsLong(b);
                Samples drawn = engine.sample(count, seed, sampleJson, prompt);
                int[][] ids = drawn.ids();
                List<String> texts = drawn.texts();
                if (settings == null) {
                    settings = new SamplerSettings(sample, promptOf(sample, paradigm), drawn.promptIds(), config.protocol());
                }
                for (int i = 0; i < count; i++) {
                    out.add(new SampleLine(index + i, IntStream.of(ids[i]).boxed().toList(), texts.get(i), seed, paradigm,
                            checkpoint, settings));
                }
                index += count;
                progress.update(index, "");
            }
            return out;
        }
    }
}
