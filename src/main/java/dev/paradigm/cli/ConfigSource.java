package dev.paradigm.cli;

import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which config a command starts from: a file or a shipped config's name, and {@code --set} overrides. */
public final class ConfigSource {
    @Option(names = "--config", paramLabel = "FILE|NAME", defaultValue = "demo",
            description = "A config file, or the name of a shipped one: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = ShippedConfigs.class)
    String config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. --set train.steps=100 (repeatable).")
    List<String> overrides = new ArrayList<>();

    ExperimentConfig load() {
        return ConfigLoader.load(config, overrides);
    }

    /** The shipped config names, for --help and shell completion. */
    static final class ShippedConfigs extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ShippedConfigs() {
            super(ConfigLoader.SHIPPED);
        }
    }
}
