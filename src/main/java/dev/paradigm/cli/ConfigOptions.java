package dev.paradigm.cli;

import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.run.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a command that starts from a config finds it, and where its run folder is. */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE|NAME", defaultValue = "demo",
            description = "A config file, or the name of a shipped one: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = ShippedConfigs.class)
    String config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. --set train.steps=100 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--run-dir", paramLabel = "DIR", description = "The run folder. Default: runs/<config name>.")
    Path runDir;

    ExperimentConfig load() {
        return ConfigLoader.load(config, overrides);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    RunFolder runFolder(ExperimentConfig loaded) {
        return RunDirOptions.checked(command, runDir != null ? runDir : Path.of("runs", loaded.name()));
    }

    /** The shipped config names, for --help and shell completion. */
    static final class ShippedConfigs extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ShippedConfigs() {
            super(ConfigLoader.SHIPPED);
        }
    }
}
