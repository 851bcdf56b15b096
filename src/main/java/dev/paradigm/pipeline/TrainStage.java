package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.distributed.ProcessGroup;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.MetricsLog;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.StopRequest;
import dev.paradigm.train.StopSignal;
import dev.paradigm.train.Trainer;
import dev.paradigm.train.TrainingStoppedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Trains one paradigm in a run folder (whose lock the command holds), resuming from the newest valid checkpoint
 * when there is one, and on a {@link StopSignal} (Ctrl-C, a scheduler's SIGTERM or SIGUSR1) writing a checkpoint
 * before stopping.
 */
public final class TrainStage {
    private TrainStage() {}

    /** A paradigm is trained when its metrics log ends with a summary line and is sealed by its manifest. */
    public static boolean isComplete(RunFolder run, Paradigm paradigm) {
        return MetricsLog.isFinished(run, paradigm);
    }

    /**
     * Trains {@code paradigm} to its last step.
     *
     * @throws TrainingStoppedException when a stop signal came first (its checkpoint is written)
     */
    public static Trainer.Outcome run(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python) {
        return run(config, run, paradigm, python, ProcessGroup.single());
    }

    /**
     * Trains as one rank of {@code group} (joined before this call): rank 0 writes the run folder's files (under its
     * lock); the other ranks only read the token store (and the checkpoint rank 0 resumes from).
     */
    public static Trainer.Outcome run(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python,
            ProcessGroup group) {
        if (!PrepareStage.isComplete(run)) {
            throw new IllegalStateException("No prepared token store in " + run.data() + ". Run `paradigm prepare --config "
                    + "<your config> --run-dir " + run.root() + "` first (or `paradigm compare`, which prepares it).");
        }
        TokenStore store = TokenStore.open(run.data());
        if (group.isMain()) {
            try {
                Files.createDirectories(run.paradigm(paradigm));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (StopRequest stop = StopRequest.onSignals()) {
            Engine engine = Engine.create(python, config.toJson(), paradigm, store.vocabSize(), store.eosId(),
                    store.tokenizerFile());
            Trainer.Outcome outcome = new Trainer(config, paradigm, run, store, engine, stop.flag(), group).run();
            if (!outcome.completed()) {
                // a rank of several may stop because another one was asked to; it reports Ctrl-C's code then
                throw TrainingStoppedException.atStep(outcome.stepsDone(), stop.signal().orElse(StopSignal.INT));
            }
            return outcome;
        }
    }
}
