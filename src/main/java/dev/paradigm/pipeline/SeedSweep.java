package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.report.ReportGenerator;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.RunLock;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same experiment under several seeds, each in {@code seed-<s>/} of the run folder (locked while it runs), and one
 * summary report. The caller holds the lock of the sweep's folder.
 */
public final class SeedSweep {
    private SeedSweep() {}

    public static void run(ExperimentConfig config, RunFolder run, PythonRuntime python, Stage force, List<Long> seeds) {
        run(config, run, python, force, seeds, (c, r, p) -> TrainStage.run(c, r, p, python));
    }

    /** As above, with the train stages run by {@code trainer} (e.g. distributed workers). */
    public static void run(ExperimentConfig config, RunFolder run, PythonRuntime python, Stage force, List<Long> seeds,
            Experiment.TrainRunner trainer) {
        List<Path> folders = new ArrayList<>();
        for (long seed : seeds) {
            RunFolder seedRun = seedFolder(run, seed);
            try (RunLock lock = RunLock.acquire(seedRun)) { // a run folder of its own: no other command may write it meanwhile
                new Experiment(config.withSeed(seed), seedRun, python, force, trainer).run();
            }
            folders.add(seedRun.root());
        }
        ReportGenerator.writeSweep(folders, run.root());
    }

    /** The run folder of one seed of a sweep. */
    public static RunFolder seedFolder(RunFolder sweep, long seed) {
        return new RunFolder(sweep.root().resolve("seed-" + seed));
    }
}
