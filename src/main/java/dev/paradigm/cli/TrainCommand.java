package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.distributed.LaunchPlan;
import dev.paradigm.distributed.WorldIdentity;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.pipeline.Preflight;
import dev.paradigm.pipeline.RunSetup;
import dev.paradigm.run.MetricsLine;
import dev.paradigm.run.MetricsLog;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.RunLock;
import dev.paradigm.runtime.PythonEnvironment;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.Trainer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one paradigm. Resumes from the newest valid checkpoint in the run folder when there is one;",
            "Ctrl-C, SIGTERM and SIGUSR1 write a checkpoint at the current step and stop (exit codes below).",
            "With --nproc-per-node N (and --nnodes …) it starts N worker processes and trains with PyTorch's",
            "DistributedDataParallel; with RANK/WORLD_SIZE already set (torchrun, Slurm) it runs as that one worker."})
final class TrainCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ConfigOptions options;
    @Mixin DistributedOptions distributed;
    @Spec CommandSpec spec;

    @Option(names = "--paradigm", required = true, paramLabel = "ar|mdlm", converter = ParadigmConverter.class,
            description = "Which model to train: ar or mdlm.")
    Paradigm paradigm;

    @Option(names = "--resume", description = "Require a checkpoint to resume from (without it, training resumes "
            + "automatically when one exists and starts fresh otherwise).")
    boolean resume;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        RunFolder run = options.runFolder(config);
        LaunchPlan plan = distributed.plan(spec);
        Optional<WorldIdentity> worker = DistributedTraining.workerIdentity();
        RunLog.open(worker.isPresent() ? run.rankLog(worker.get().rank()) : run.log(), run.root(), spec);
        if (worker.isPresent()) {
            if (plan.launches()) {
                LoggerFactory.getLogger(TrainCommand.class).warn("RANK/WORLD_SIZE are set, so this process is rank {} of {}; "
                        + "--nproc-per-node and --nnodes are ignored.", worker.get().rank(), worker.get().size());
            }
            PythonRuntime python = common.startPython();
            Preflight.forTraining(config, python, worker.get().size());
            Trainer.Outcome outcome = DistributedTraining.runWorker(config, run, paradigm, python, resume, worker.get());
            return worker.get().isMain() ? report(outcome) : ExitCodes.OK;
        }
        if (plan.launches()) {
            return launch(config, run, plan);
        }
        PythonRuntime python = common.startPython();
        Preflight.forTraining(config, python, 1);
        try (RunLock lock = common.lock(run)) {
            return report(RunSetup.train(config, run, paradigm, python, resume));
        }
    }

    private int launch(ExperimentConfig config, RunFolder run, LaunchPlan plan) {
        LaunchPlan.requireDivisible(config.train().batchSize(), plan.worldSize());
        String python = PythonEnvironment.locate(common.python).python().toString();
        List<String> args = DistributedTraining.workerArguments(options, List.of(), run, paradigm, python, resume,
                common.verbose);
        var out = spec.commandLine().getOut();
        // Node 0 holds the folder's lock while its workers (rank 0 among them) train under it; it checks the machine,
        // claims the folder and prepares the data once, before any worker starts.
        try (RunLock lock = plan.nodeRank() == 0 ? lockAndPrepare(config, run, plan) : null) {
            DistributedTraining.launch(plan, args, System.out, System.err);
        }
        Optional<MetricsLine.Summary> summary = MetricsLog.read(run, paradigm).summary();
        if (summary.isPresent()) {
            MetricsLine.Summary s = summary.get();
            out.printf("Trained %s for %d steps on %d processes: best validation loss %.4f at step %d; data digest %s%n",
                    paradigm, s.steps(), plan.worldSize(), s.analysis().bestValLoss(), s.analysis().bestStep(),
                    s.dataDigest());
        } else {
            out.printf("This node's workers of %s finished (node %d of %d; node 0 writes the metrics).%n", paradigm,
                    plan.nodeRank(), plan.nnodes());
        }
        return ExitCodes.OK;
    }

    private RunLock lockAndPrepare(ExperimentConfig config, RunFolder run, LaunchPlan plan) {
        PythonRuntime python = common.startPython();
        Preflight.forTraining(config, python, plan.worldSize());
        RunLock lock = common.lock(run);
        try {
            RunSetup.prepareToTrain(config, run, paradigm, python, resume);
            return lock;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private int report(Trainer.Outcome outcome) {
        var out = spec.commandLine().getOut();
        out.printf("Trained %s for %d steps: best validation loss %.4f at step %d; data digest %s%n", paradigm,
                outcome.stepsDone(), outcome.analysis().bestValLoss(), outcome.analysis().bestStep(), outcome.dataDigest());
        return ExitCodes.OK;
    }
}
