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

/** The single stages (prepare, train; sample and evaluate through the Java API): claim the run folder, run the stage. */
public final class RunSetup {
    private RunSetup() {}

    public static TokenStore prepare(ExperimentConfig config, RunFolder run, PythonRuntime python) {
        RunConfigGuard.claim(run, config);
        return PrepareStage.isComplete(run) ? TokenStore.open(run.data()) : PrepareStage.run(config, run, python);
    }

    public static Trainer.Outcome train(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python,
            boolean requireCheckpoint) {
        prepareToTrain(config, run, paradigm, python, requireCheckpoint);
        return TrainStage.run(config, run, paradigm, python);
    }

    /**
     * Writes {@code config} into a new run folder, or checks that the folder's matches it (only sample.* and
     * evaluate.* may differ); for a stage that runs on its own, as {@code prepare} and {@code train} do first.
     */
    public static void claim(ExperimentConfig config, RunFolder run) {
        RunConfigGuard.claim(run, config);
    }

    /** What {@link #train} does before training: claims the folder, checks --resume, prepares the data if needed. */
    public static void prepareToTrain(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python,
            boolean requireCheckpoint) {
        RunConfigGuard.claim(run, config);
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
