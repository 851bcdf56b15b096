package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.judge.HubJudge;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.SampleLine;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded judge of generative perplexity ({@code evaluate.judge}): an AR model that reads this run's token ids (its
 * own best checkpoint, or one from a run on the same data), or a Hugging Face causal LM that reads the decoded text
 * with its own tokenizer ({@link HubJudge}). It scores samples as {@code [summed NLL, tokens]} each, which
 * {@link dev.paradigm.metrics.GenerativePerplexity} turns into a perplexity.
 *
 * <p>Only a judge that is not this run's AR model is independent: the run's AR model judging its own samples scores
 * the text it found most likely itself, which favours AR, so the verdict never rests on that number.
 */
final class FluencyJudge {
    private static HubJudge loadedHub; // a large model takes seconds to load: one per process
    private static String loadedHubKey;

    private final String name;
    private final boolean independent;
    private final Engine engine; // an AR model of this run's tokenizer, or null
    private final HubJudge hub; // or a Hugging Face model
    private final int eosId;
    private final int batchSize;

    private FluencyJudge(String name, boolean independent, Engine engine, HubJudge hub, int eosId, int batchSize) {
        this.name = name;
        this.independent = independent;
        this.engine = engine;
        this.hub = hub;
        this.eosId = eosId;
        this.batchSize = batchSize;
    }

    /** The judge {@code evaluate.judge} names (checked before sampling by {@link BeforeSampling}). */
    static FluencyJudge configured(ExperimentConfig config, RunFolder run, TokenStore store, PythonRuntime python) {
        String setting = config.evaluate().judge();
        if (setting == null) {
            return ownAr(config, run, store, python);
        }
        if (HubJudge.isHub(setting)) {
            return new FluencyJudge(setting, true, null, hub(python, setting, config.train().device().toString()),
                    store.eosId(), config.evaluate().judgeBatchSize());
        }
        Path checkpoint = Fluency.checkedJudge(Path.of(setting), store);
        boolean ours = checkpoint.toAbsolutePath().normalize().startsWith(run.root().toAbsolutePath().normalize());
        return new FluencyJudge(setting + (ours ? " (this run's own AR model)" : ""), !ours,
                arEngine(config, store, python, checkpoint), null, store.eosId(), 0);
    }

    /** This run's own AR model (its best checkpoint). */
    static FluencyJudge ownAr(ExperimentConfig config, RunFolder run, TokenStore store, PythonRuntime python) {
        return new FluencyJudge("this run's own AR model (best checkpoint)", false,
                arEngine(config, store, python, BestCheckpoint.of(run, Paradigm.AR)), null, store.eosId(), 0);
    }

    private static Engine arEngine(ExperimentConfig config, TokenStore store, PythonRuntime python, Path checkpoint) {
        Engine engine = Engine.create(python, config.toJson(), Paradigm.AR, store.vocabSize(), store.eosId(),
                store.tokenizerFile());
        engine.load(checkpoint);
        return engine;
    }

    private static synchronized HubJudge hub(PythonRuntime python, String setting, String device) {
        String key = setting + " on " + device;
        if (!key.equals(loadedHubKey)) {
            loadedHub = HubJudge.load(python, setting, device);
            loadedHubKey = key;
        }
        return loadedHub;
    }

    /** Which model judges, in words. */
    String name() {
        return name;
    }

    /** False for this run's own AR model. */
    boolean independent() {
        return independent;
    }

    /**
     * {@code [summed NLL in nats, tokens scored]} of each sample's generated part: after its prompt, up to and including
     * its end-of-story token (an AR judge scores the ids; a Hugging Face judge the text, and the end when the sample
     * ended there).
     */
    double[][] score(List<SampleLine> samples) {
        int from = Math.max(1, samples.get(0).sampler().promptLength()); // an end-of-story token at 0 starts, not ends
        if (engine != null) {
            return engine.score(samples.stream().map(SampleLine::idArray).toArray(int[][]::new), from);
        }
        List<String> texts = new ArrayList<>();
        List<Boolean> ended = new ArrayList<>();
        for (SampleLine sample : samples) {
            texts.add(sample.text());
            ended.add(sample.ids().subList(Math.min(from, sample.ids().size()), sample.ids().size()).contains(eosId));
        }
        return hub.score(texts, ended, batchSize);
    }
}
