package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.run.RunFolder;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a command that starts from a config finds it, and where its run folder is. */
public final class ConfigOptions {
    @Mixin ConfigSource source;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "The run folder. Default: runs/<config name>.")
    Path runDir;

    ExperimentConfig load() {
        return source.load();
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    RunFolder runFolder(ExperimentConfig loaded) {
        return RunDirOptions.checked(command, runDir != null ? runDir : Path.of("runs", loaded.name()));
    }
}
