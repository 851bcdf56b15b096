package dev.paradigm.api;

// docs/java-api.md shows this file from its first import on, verbatim (JavaApiTest checks it and runs main).

import dev.paradigm.api.Runner;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.report.ParadigmRun;
import dev.paradigm.report.RunReport;
import dev.paradigm.run.MetricsLine;
import java.nio.file.Path;
import java.util.List;

/** Runs the controlled comparison of a config (default: demo) and prints each paradigm's headline numbers. */
public final class CompareFromJava {
    public static void main(String[] args) {
        String configName = args.length > 0 ? args[0] : "demo";
        Path runDir = Path.of(args.length > 1 ? args[1] : "runs/from-java");

        Runner runner = Runner.start();                       // $PARADIGM_PYTHON, else ./.venv
        ExperimentConfig config = Runner.config(configName, "sample.n=8");
        RunReport report = runner.compare(config, runDir);    // skips what is complete, resumes what is not

        for (ParadigmRun run : List.of(report.ar(), report.mdlm())) {
            MetricsLine.Summary summary = run.summary();
            System.out.printf("%s: %,d parameters, best validation loss %.4f at step %d, distinct-2 %.3f%n",
                    run.label(), summary.params(), summary.analysis().bestValLoss(), summary.analysis().bestStep(),
                    run.metrics().get("distinct_2").value());
        }
    }
}
