package dev.paradigm.cli;

import dev.paradigm.bench.Bench;
import dev.paradigm.bench.BenchReport;
import dev.paradigm.bench.BenchSettings;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.pipeline.Preflight;
import dev.paradigm.run.AtomicFiles;
import dev.paradigm.run.RunLock;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training throughput (Java-driven loop against a plain Python loop on the same engine), "
                + "evaluation, checkpoint and sampling time, and the Java-side metric and batch code.",
            "Trains on the run folder's token store (preparing it if missing), or on random tokens with --synthetic-vocab."})
final class BenchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ConfigOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--paradigm", paramLabel = "ar|mdlm|both", defaultValue = "both",
            description = "Which model(s) to benchmark. Default: ${DEFAULT-VALUE}.")
    String paradigm;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "bench.json",
            description = "Where to write the results as JSON. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--synthetic-vocab", paramLabel = "N",
            description = "Train on uniformly random tokens of an N-token vocabulary (e.g. 50257) instead of prepared data.")
    Integer syntheticVocab;

    @Option(names = "--warmup-steps", defaultValue = "5", description = "Untimed steps first, on each loop. Default: ${DEFAULT-VALUE}.")
    int warmupSteps;

    @Option(names = "--windows", defaultValue = "5",
            description = "Timed windows per loop, Java and Python interleaved. Default: ${DEFAULT-VALUE}.")
    int windows;

    @Option(names = "--window-steps", defaultValue = "10", description = "Training steps per window. Default: ${DEFAULT-VALUE}.")
    int windowSteps;

    @Option(names = "--sample-n", paramLabel = "N",
            description = "Samples per sampler (0 skips sampling). Default: the config's sample.batch_size.")
    Integer sampleCount;

    @Option(names = "--sample-length", defaultValue = "128",
            description = "Tokens per sample, at most model.seq_len. Default: ${DEFAULT-VALUE}.")
    int sampleLength;

    @Option(names = "--repeats", defaultValue = "3",
            description = "Timed repetitions of evaluation, checkpoint and Self-BLEU. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        BenchSettings settings;
        try {
            settings = new BenchSettings(paradigms(), warmupSteps, windows, windowSteps,
                    sampleCount != null ? sampleCount : config.sample().batchSize(), sampleLength, repeats, syntheticVocab);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PythonRuntime python = common.startPython();
        Preflight.forTraining(config, python, 1);
        BenchReport report;
        // On random tokens nothing is written to the run folder; otherwise its token store may be prepared.
        try (RunLock lock = syntheticVocab == null ? common.lock(options.runFolder(config)) : null) {
            report = Bench.run(config, options.runFolder(config), python, settings);
        }
        AtomicFiles.writeString(out, report.toJsonText());
        var stdout = spec.commandLine().getOut();
        stdout.print(report.table());
        stdout.printf("%nResults: %s%n", out.toAbsolutePath());
        stdout.flush();
        return ExitCodes.OK;
    }

    private List<Paradigm> paradigms() {
        if ("both".equals(paradigm)) {
            return List.of(Paradigm.AR, Paradigm.MDLM);
        }
        try {
            return List.of(Paradigm.of(paradigm));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + paradigm + "' for '--paradigm': expected "
                    + "ar, mdlm or both.");
        }
    }
}
