package dev.paradigm.pipeline;

import dev.paradigm.config.ConfigException;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.run.RunConfig;
import dev.paradigm.run.RunFolder;
import java.nio.file.Files;
import java.util.List;

/**
 * A run folder belongs to one resolved config. The first stage writes it to {@code config.yaml}; later commands
 * on the same folder must bring the same config, or are refused with the differing keys — never overwritten
 * silently.
 */
final class RunConfigGuard {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunConfigGuard.class);

    private RunConfigGuard() {}

    /**
     * Writes config.yaml into a new run folder, or checks that an existing one matches {@code config}. Only the
     * {@code sample} and {@code evaluate} sections may differ: they describe what is done with the trained models,
     * so config.yaml is updated and the sample and evaluate stages see their outputs as stale and redo them.
     */
    static void claim(RunFolder run, ExperimentConfig config) {
        log.debug("Run folder {}: config {} (sha256 {})", run.root().toAbsolutePath(), config.name(), config.hash());
        if (Files.exists(run.config())) {
            ExperimentConfig existing = RunConfig.read(run, List.of()).resolved();
            if (existing.hash().equals(config.hash())) {
                return;
            }
            List<String> diff = ExperimentConfig.diff(existing, config);
            List<String> training = diff.stream().filter(d -> !d.startsWith("sample.") && !d.startsWith("evaluate.")).toList();
            if (!training.isEmpty()) {
                throw new ConfigException("The run folder " + run.root() + " was made by a different config. Differing keys "
                        + "(run folder → this command):\n  " + String.join("\n  ", training)
                        + "\nUse another --run-dir, or delete the folder to start over. (Only sample.* and evaluate.* keys may "
                        + "change on an existing run folder: those stages are redone.)");
            }
            log.info("Sampling or evaluation settings changed ({}); those stages will be redone.", String.join("; ", diff));
        }
        RunConfig.write(run, config);
    }
}
