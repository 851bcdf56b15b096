package dev.paradigm.pipeline;

import dev.paradigm.config.ConfigException;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.MemorizationConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.judge.HubJudge;
import dev.paradigm.memorization.TrainIndex;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The config checks that need the prepared data or the Python interpreter, made once both exist and before anything
 * is sampled ({@code compare} makes them before training): the judge (a Hugging Face model's tokenizer loads and
 * reads text back, a hub id can be had; a checkpoint is an AR model of this run's tokenizer) and the memorization
 * index's memory against {@code evaluate.memorization.max_index_mib} and Java's heap. A failure is a
 * {@link ConfigException} (exit 2) naming the key; the config validator has already checked everything that needs
 * neither.
 */
public final class BeforeSampling {
    private BeforeSampling() {}

    /**
     * What can be checked before the data is prepared, in plain Java: a Hugging Face judge's folder holds a model
     * (config, weights and tokenizer files). {@code compare} (the command and the Java API) calls it before the run folder is made.
     */
    public static void checkJudgeFiles(ExperimentConfig config) {
        String judge = config.evaluate().judge();
        if (HubJudge.isHub(judge)) {
            try {
                HubJudge.checkFiles(judge);
            } catch (IllegalArgumentException notAModel) {
                throw new ConfigException(notAModel.getMessage());
            }
        }
    }

    /** Checks the config against the run's prepared data; does nothing before there is any (nothing can be sampled). */
    public static void check(ExperimentConfig config, RunFolder run, PythonRuntime python) {
        checkJudgeFiles(config);
        if (!PrepareStage.isComplete(run)) {
            return;
        }
        TokenStore store = TokenStore.open(run.data(), TokenStore.Verification.SKIP_SHA256); // prepare verified them
        List<String> problems = new ArrayList<>();
        String judge = config.evaluate().judge();
        try {
            if (HubJudge.isHub(judge)) {
                HubJudge.check(python, judge);
            } else if (judge != null) {
                Fluency.checkedJudge(Path.of(judge), store);
            }
        } catch (IllegalArgumentException bad) {
            problems.add(bad.getMessage());
        }
        memoryBound(config.evaluate().memorization(), store, Runtime.getRuntime().maxMemory(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException("the config, checked before sampling", problems);
        }
    }

    /** The index over the training split must fit the budget and the heap (a budget of 0 skips memorization). */
    static void memoryBound(MemorizationConfig memorization, TokenStore store, long heapBytes, List<String> problems) {
        if (memorization.maxIndexMib() == 0) {
            return;
        }
        try {
            TrainIndex.requireFits((long) store.trainChunks() * store.seqLen(), store.seqLen(), store.vocabSize(),
                    memorization.maxIndexMib(), heapBytes);
        } catch (IllegalArgumentException tooLarge) {
            problems.add(tooLarge.getMessage());
        }
    }
}
