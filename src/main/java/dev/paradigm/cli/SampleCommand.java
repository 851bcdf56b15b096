package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.pipeline.BeforeSampling;
import dev.paradigm.pipeline.FrontierStage;
import dev.paradigm.pipeline.SampleStage;
import dev.paradigm.pipeline.Preflight;
import dev.paradigm.run.RunLock;
import dev.paradigm.runtime.PythonRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Draw samples from a trained paradigm's best checkpoint into <run-dir>/<paradigm>/samples.jsonl,",
            "and the quality–diversity frontier's (evaluate.frontier) into <run-dir>/<paradigm>/frontier.jsonl."})
final class SampleCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin RunDirOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--paradigm", required = true, paramLabel = "ar|mdlm", converter = ParadigmConverter.class,
            description = "Which model to sample from.")
    Paradigm paradigm;

    @Option(names = "--n", paramLabel = "N", description = "Number of samples (default: sample.n of the config).")
    Integer n;

    @Override
    public Integer call() {
        List<String> extra = new ArrayList<>();
        if (n != null) {
            if (n < 1) {
                throw new ParameterException(spec.commandLine(), "Invalid value '" + n + "' for '--n': must be at least 1.");
            }
            extra.add("sample.n=" + n);
        }
        ExperimentConfig config = options.load(extra);
        RunLog.open(options.runFolder().log(), options.runFolder().root(), spec);
        PythonRuntime python = common.startPython();
        Preflight.forModel(config, python);
        BeforeSampling.check(config, options.runFolder(), python);
        try (RunLock lock = common.lock(options.runFolder())) {
            SampleStage.run(config, options.runFolder(), paradigm, python);
            spec.commandLine().getOut().printf("Wrote %d samples to %s%n", config.sample().n(), options.runFolder().samples(paradigm));
            if (config.evaluate().frontier().enabled()) {
                FrontierStage.run(config, options.runFolder(), paradigm, python);
                spec.commandLine().getOut().printf("Wrote the quality–diversity frontier's samples to %s%n",
                        options.runFolder().frontierSamples(paradigm));
            }
        }
        return ExitCodes.OK;
    }
}
