package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.stream.Stream;

/**
 * The single stages (prepare, train; sample and evaluate through the Java API): check the run folder's config
 * against this one, prepare the data when needed (which ties the folder to the config), then run the stage. The
 * caller holds the folder's lock.
 */
public final class RunSetup {
    private RunSetup() {}

    public static TokenStore prepare(ExperimentConfig config, RunFolder run, PythonRuntime python) {
        RunConfigGuard.check(run, config);
        return PrepareStage.isComplete(run) ? TokenStore.open(run.data()) : PrepareStage.run(config, run, python);
    }

    public static Trainer.Outcome train(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python,
            boolean requireCheckpoint) {
        prepareToTrain(config, run, paradigm, python, requireCheckpoint);
        return TrainStage.run(config, run, paradigm, python);
    }

    /**
     * Checks that the run folder's config matches {@code config} (only sample.* and evaluate.* may differ); for a
     * stage that runs on its own after training, as sample and evaluate do through the Java API.
     */
    public static void checkConfig(ExperimentConfig config, RunFolder run) {
        RunConfigGuard.check(run, config);
    }

    /** What {@link #train} does before training: checks the folder's config and --resume, prepares the data if needed. */
    public static void prepareToTrain(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python,
            boolean requireCheckpoint) {
        RunConfigGuard.check(run, config);
        if (requireCheckpoint && !hasCheckpoint(run, paradigm)) {
            throw new IllegalStateException("--resume was given but " + run.checkpoints(paradigm) + " holds no checkpoint. "
                    + "Leave out --resume to start training from step 0.");
        }
        if (!PrepareStage.isComplete(run)) {
            PrepareStage.run(config, run, python);
        }
    }

    private static boolean hasCheckpoint(RunFolder run, Paradigm paradigm) {
        if (!Files.isDirectory(run.checkpoints(paradigm))) {
            return false;
        }
        try (Stream<java.nio.file.Path> entries = Files.list(run.checkpoints(paradigm))) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("step-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
