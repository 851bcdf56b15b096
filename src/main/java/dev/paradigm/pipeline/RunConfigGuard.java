package dev.paradigm.pipeline;

import dev.paradigm.config.ConfigException;
import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.run.AtomicFiles;
import dev.paradigm.run.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * A run folder belongs to one resolved config. The first stage writes it to {@code config.yaml}; later commands
 * on the same folder must bring the same config, or are refused with the differing keys — never overwritten
 * silently.
 */
final class RunConfigGuard {
    static final String HASH_PREFIX = "# config-sha256: ";

    private RunConfigGuard() {}

    /** Writes config.yaml into a new run folder, or checks that an existing one matches {@code config}. */
    static void claim(RunFolder run, ExperimentConfig config) {
        if (Files.exists(run.config())) {
            ExperimentConfig existing = read(run);
            if (!existing.hash().equals(config.hash())) {
                List<String> diff = ExperimentConfig.diff(existing, config);
                throw new ConfigException("The run folder " + run.root() + " was made by a different config. Differing keys "
                        + "(run folder → this command):\n  " + String.join("\n  ", diff)
                        + "\nUse another --run-dir, or delete the folder to start over.");
            }
            return;
        }
        AtomicFiles.writeString(run.config(), HASH_PREFIX + config.hash() + "\n" + config.toYaml());
    }

    /** The config a run folder was made with. */
    static ExperimentConfig read(RunFolder run) {
        if (!Files.exists(run.config())) {
            throw new ConfigException("No config.yaml in " + run.root() + ": this is not a run folder (run `paradigm prepare` "
                    + "or `paradigm compare` first).");
        }
        try {
            return ConfigLoader.fromYaml(Files.readString(run.config()), run.config().toString(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
