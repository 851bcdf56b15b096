package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.distributed.LaunchPlan;
import dev.paradigm.distributed.ProcessGroup;
import dev.paradigm.distributed.WorkerLauncher;
import dev.paradigm.distributed.WorldIdentity;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.pipeline.RunSetup;
import dev.paradigm.pipeline.TrainStage;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.RunLock;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.StopSignal;
import dev.paradigm.train.Trainer;
import dev.paradigm.train.TrainingStoppedException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The train command's two distributed roles: a worker of a running job, and the launcher of this node's workers. */
final class DistributedTraining {
    private DistributedTraining() {}

    /** This process's identity when the environment makes it one rank of several (launcher, torchrun, Slurm). */
    static Optional<WorldIdentity> workerIdentity() {
        return WorldIdentity.fromEnvironment(System.getenv()).filter(identity -> identity.size() > 1);
    }

    /**
     * Trains as one rank: joins the process group, lets rank 0 lock (or, under a launcher, borrow the launcher's lock
     * of) and prepare the run folder while the others wait, then trains.
     */
    static Trainer.Outcome runWorker(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python,
            boolean requireCheckpoint, WorldIdentity identity) {
        LaunchPlan.requireDivisible(config.train().batchSize(), identity.size());
        WorkerLauncher.exitWithLauncher();
        ProcessGroup group = ProcessGroup.join(python, identity, config.train().device().toString());
        try (RunLock lock = group.isMain() ? RunLock.acquire(run) : null) {
            if (group.isMain()) {
                RunSetup.prepareToTrain(config, run, paradigm, python, requireCheckpoint);
            }
            group.barrier();
            return TrainStage.run(config, run, paradigm, python, group);
        } finally {
            group.leave();
        }
    }

    /**
     * Starts this node's workers of {@code plan} running {@code arguments} and waits for them.
     *
     * @throws TrainingStoppedException when they stopped on a signal (their checkpoint is written)
     */
    static void launch(LaunchPlan plan, List<String> arguments, PrintStream out, PrintStream err) {
        Optional<StopSignal> stopped = new WorkerLauncher(plan.resolved(), arguments, out, err).run();
        if (stopped.isPresent()) {
            throw new TrainingStoppedException("Stopped on " + stopped.get().description() + "; the workers wrote a "
                    + "checkpoint. Run the same command to resume.", stopped.get());
        }
    }

    /** The worker's command line: train one paradigm of the same config, in the same run folder. */
    static List<String> workerArguments(ConfigOptions options, List<String> extraOverrides, RunFolder run,
            Paradigm paradigm, String python, boolean resume, boolean verbose) {
        List<String> args = new ArrayList<>(List.of("train", "--config", options.source.config));
        for (String set : options.source.overrides) {
            args.add("--set");
            args.add(set);
        }
        for (String set : extraOverrides) {
            args.add("--set");
            args.add(set);
        }
        args.addAll(List.of("--run-dir", run.root().toAbsolutePath().toString(), "--paradigm", paradigm.id(),
                "--python", python));
        if (resume) {
            args.add("--resume");
        }
        if (verbose) {
            args.add("--verbose");
        }
        return args;
    }
}
