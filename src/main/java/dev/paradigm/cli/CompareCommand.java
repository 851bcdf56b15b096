package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.distributed.LaunchPlan;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.pipeline.TrainStage;
import dev.paradigm.runtime.PythonEnvironment;
import dev.paradigm.pipeline.BeforeSampling;
import dev.paradigm.pipeline.Experiment;
import dev.paradigm.pipeline.Preflight;
import dev.paradigm.pipeline.SeedSweep;
import dev.paradigm.pipeline.Stage;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.RunLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run the whole controlled experiment: prepare → train AR → train MDLM → sample → evaluate → report.",
            "Re-running skips completed stages and resumes an interrupted one.",
            "--nproc-per-node/--nnodes run the train stages on distributed workers (see `paradigm train --help`)."})
final class CompareCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ConfigOptions options;
    @Mixin DistributedOptions distributed;
    @Spec CommandSpec spec;

    @Option(names = "--force", paramLabel = "STAGE", converter = StageConverter.class,
            description = "Redo STAGE and every stage after it: prepare, train, sample, evaluate, report.")
    Stage force;

    @Option(names = "--seeds", paramLabel = "N|S1,S2,…",
            description = "Repeat the experiment with N seeds (seed, seed+1, …) or with the listed seeds; the report "
                    + "shows mean ± std and each seed's values.")
    String seeds;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        RunFolder run = options.runFolder(config);
        LaunchPlan plan = distributed.plan(spec);
        RunLog.open(run.log(), run.root(), spec);
        if (DistributedTraining.workerIdentity().isPresent()) {
            throw new ParameterException(spec.commandLine(), "RANK/WORLD_SIZE are set, but compare is not a worker: start it "
                    + "once per machine with --nproc-per-node (and --nnodes/--node-rank), and it starts the workers itself.");
        }
        if (plan.launches()) {
            LaunchPlan.requireDivisible(config.train().batchSize(), plan.worldSize());
        }
        List<Long> seedList = seeds == null ? null : parseSeeds(config.seed());
        if (plan.launches() && plan.nodeRank() > 0) {
            return trainOnlyOnThisNode(config, run, plan, seedList);
        }
        var python = common.startPython();
        Preflight.forTraining(config, python, plan.worldSize());
        BeforeSampling.checkJudgeFiles(config); // a judge folder that holds no model: before the folder is made
        Experiment.TrainRunner trainer = plan.launches() ? distributedTrainer(plan)
                : (c, r, p) -> TrainStage.run(c, r, p, python);
        try (RunLock lock = common.lock(run)) {
            if (seeds == null) {
                new Experiment(config, run, python, force, trainer).run();
                spec.commandLine().getOut().printf("Report: %s%n", run.report("html").toAbsolutePath());
            } else {
                SeedSweep.run(config, run, python, force, seedList, trainer);
                spec.commandLine().getOut().printf("Seed sweep report: %s%n", run.root().resolve("sweep.html").toAbsolutePath());
            }
        }
        return ExitCodes.OK;
    }

    /** Train stages that start this node's workers (the other stages run in this process, on node 0 only). */
    private Experiment.TrainRunner distributedTrainer(LaunchPlan plan) {
        String python = PythonEnvironment.locate(common.python).python().toString();
        return (config, run, paradigm) -> {
            List<String> args = DistributedTraining.workerArguments(options, List.of("seed=" + config.seed()), run, paradigm,
                    python, false, common.verbose);
            DistributedTraining.launch(plan, args, System.out, System.err);
        };
    }

    /**
     * Nodes other than 0 only lend their workers to the train stages, in the order node 0 runs them; node 0 prepares,
     * samples, evaluates and reports in the shared run folder.
     */
    private int trainOnlyOnThisNode(ExperimentConfig config, RunFolder run, LaunchPlan plan, List<Long> seedList) {
        Experiment.TrainRunner trainer = distributedTrainer(plan);
        List<Long> all = seedList == null ? List.of(config.seed()) : seedList;
        for (long seed : all) {
            RunFolder folder = seedList == null ? run : SeedSweep.seedFolder(run, seed);
            ExperimentConfig seeded = seedList == null ? config : config.withSeed(seed);
            for (Paradigm paradigm : Paradigm.values()) {
                if (!TrainStage.isComplete(folder, paradigm)) {
                    trainer.train(seeded, folder, paradigm);
                }
            }
        }
        spec.commandLine().getOut().printf("Node %d of %d: its workers trained every paradigm; node 0 writes the report.%n",
                plan.nodeRank(), plan.nnodes());
        return ExitCodes.OK;
    }

    List<Long> parseSeeds(long base) {
        List<Long> list = new ArrayList<>();
        try {
            if (seeds.contains(",")) {
                for (String s : seeds.split(",")) {
                    list.add(Long.parseLong(s.strip()));
                }
            } else {
                int n = Integer.parseInt(seeds.strip());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                for (int i = 0; i < n; i++) {
                    list.add(base + i);
                }
            }
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + seeds + "' for '--seeds': expected a count "
                    + "of at least 1 or a comma-separated list of seeds.");
        }
        if (list.stream().distinct().count() != list.size()) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + seeds + "' for '--seeds': a seed is repeated.");
        }
        return list;
    }

    static final class StageConverter implements ITypeConverter<Stage> {
        @Override
        public Stage convert(String value) {
            try {
                return Stage.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
