package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.run.RunFolder;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a command that starts from a config finds it, and where its run folder is. */
public final class ConfigOptions {
    @Mixin ConfigSource source;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "The run folder. Default: runs/<config name>.")
    Path runDir;

    ExperimentConfig load() {
        return source.load();
    }

    RunFolder runFolder(ExperimentConfig loaded) {
        return new RunFolder(runDir != null ? runDir : Path.of("runs", loaded.name()));
    }
}
