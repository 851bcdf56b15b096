package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.report.ReportGenerator;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The same experiment under several seeds, each in {@code seed-<s>/} of the run folder, and one summary report. */
public final class SeedSweep {
    private SeedSweep() {}

    public static void run(ExperimentConfig config, RunFolder run, PythonRuntime python, Stage force, List<Long> seeds) {
        List<Path> folders = new ArrayList<>();
        for (long seed : seeds) {
            RunFolder seedRun = new RunFolder(run.root().resolve("seed-" + seed));
            new Experiment(config.withSeed(seed), seedRun, python, force).run();
            folders.add(seedRun.root());
        }
        ReportGenerator.writeSweep(folders, run.root());
    }
}
