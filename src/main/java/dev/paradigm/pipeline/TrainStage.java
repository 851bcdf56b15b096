package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.distributed.ProcessGroup;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.MetricsLog;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Trains one paradigm in a run folder (whose lock the command holds), resuming from the newest valid checkpoint
 * when there is one, and on Ctrl-C writing a checkpoint before stopping.
 */
public final class TrainStage {
    private static final Logger log = LoggerFactory.getLogger(TrainStage.class);

    private TrainStage() {}

    /** A paradigm is trained when its metrics log ends with a summary line and is sealed by its manifest. */
    public static boolean isComplete(RunFolder run, Paradigm paradigm) {
        return MetricsLog.isFinished(run, paradigm);
    }

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
        Engine engine = Engine.create(python, config.toJson(), paradigm, store.vocabSize(), store.eosId(),
                store.tokenizerFile());
        AtomicBoolean stop = new AtomicBoolean();
        SignalHandler previous = installInterruptHandler(stop);
        try {
            return new Trainer(config, paradigm, run, store, engine, stop, group).run();
        } finally {
            if (previous != null) {
                Signal.handle(new Signal("INT"), previous);
            }
        }
    }

    /**
     * First Ctrl-C: finish the current step, write a checkpoint, stop cleanly. A second Ctrl-C: the JVM's default
     * (exit at once; the last checkpoint stays valid because checkpoints are renamed into place whole).
     */
    private static SignalHandler installInterruptHandler(AtomicBoolean stop) {
        try {
            SignalHandler[] previous = new SignalHandler[1];
            previous[0] = Signal.handle(new Signal("INT"), signal -> {
                if (stop.getAndSet(true)) {
                    Signal.handle(new Signal("INT"), previous[0]);
                    System.exit(130);
                }
                log.warn("Interrupted: writing a checkpoint after this step (Ctrl-C again to exit at once).");
            });
            return previous[0];
        } catch (IllegalArgumentException unsupported) { // e.g. the signal is reserved on this platform
            return null;
        }
    }
}
