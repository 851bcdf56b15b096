package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.pipeline.BeforeSampling;
import dev.paradigm.pipeline.EvaluateStage;
import dev.paradigm.pipeline.Preflight;
import dev.paradigm.run.RunLock;
import dev.paradigm.runtime.PythonRuntime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compute diversity and fluency metrics of the samples (Java), into <run-dir>/<paradigm>/metrics.json.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin RunDirOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--paradigm", paramLabel = "ar|mdlm", converter = ParadigmConverter.class,
            description = "Evaluate one paradigm (default: both).")
    Paradigm paradigm;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load(List.of());
        RunLog.open(options.runFolder().log(), options.runFolder().root(), spec);
        PythonRuntime python = common.startPython();
        Preflight.forModel(config, python);
        BeforeSampling.check(config, options.runFolder(), python); // the same checks: a bad judge fails here, not halfway
        try (RunLock lock = common.lock(options.runFolder())) {
            for (Paradigm p : paradigm == null ? List.of(Paradigm.values()) : List.of(paradigm)) {
                EvaluateStage.run(config, options.runFolder(), p, python);
                spec.commandLine().getOut().printf("Wrote %s%n", options.runFolder().sampleMetrics(p));
            }
        }
        return ExitCodes.OK;
    }
}
