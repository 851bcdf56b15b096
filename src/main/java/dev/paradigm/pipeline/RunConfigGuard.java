package dev.paradigm.pipeline;

import dev.paradigm.config.ConfigException;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.run.RunConfig;
import dev.paradigm.run.RunFolder;
import java.nio.file.Files;
import java.util.List;

/**
 * A run folder belongs to one resolved config, written to {@code config.yaml} once its data has been prepared: later
 * commands on the same folder must bring the same config, or are refused with the differing keys — never overwritten
 * silently. Nothing ties a folder to a config before prepare has succeeded, so a first command that fails (a typo in
 * the data path, a full disk) can be fixed and run again as it was.
 */
final class RunConfigGuard {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunConfigGuard.class);

    private RunConfigGuard() {}

    /**
     * Refuses {@code config} when the folder's config.yaml differs from it in a key other than those of the
     * {@code sample} and {@code evaluate} sections, which describe what is done with the trained models (the sample
     * and evaluate stages see their outputs as stale and redo them). Writes nothing.
     */
    static void check(RunFolder run, ExperimentConfig config) {
        log.debug("Run folder {}: config {} (sha256 {})", run.root().toAbsolutePath(), config.name(), config.hash());
        if (!Files.exists(run.config())) {
            return;
        }
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

    /** Writes {@code config} (checked) as the folder's config.yaml, unless it already says the same. */
    static void record(RunFolder run, ExperimentConfig config) {
        if (Files.exists(run.config()) && RunConfig.read(run, List.of()).resolved().hash().equals(config.hash())) {
            return;
        }
        RunConfig.write(run, config);
    }
}
