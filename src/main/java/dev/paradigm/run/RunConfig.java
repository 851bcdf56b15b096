package dev.paradigm.run;

import dev.paradigm.config.ConfigException;
import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code config.yaml}: the resolved config a run folder was made with, written by the first stage that runs on the
 * folder. Its first line is a comment with the config's sha256; the rest is {@link ExperimentConfig#toYaml()}, read
 * back through {@link ConfigLoader}. This record is its one writer ({@link #write}) and reader ({@link #read}).
 *
 * @param resolved the config, with any {@code --set} overrides of the reading command applied
 * @param sha256   the hash on the file's first line (of the config as written)
 * @param yaml     the file as written, for the report's appendix
 */
public record RunConfig(ExperimentConfig resolved, String sha256, String yaml) {
    static final String HASH_PREFIX = "# config-sha256:";

    /** Writes {@code config} as the run folder's config.yaml, atomically. */
    public static void write(RunFolder run, ExperimentConfig config) {
        AtomicFiles.writeString(run.config(), text(config));
    }

    /** The text of a config.yaml holding {@code config}: the hash line, then the YAML ({@code paradigm config} prints it). */
    public static String text(ExperimentConfig config) {
        return HASH_PREFIX + " " + config.hash() + "\n" + config.toYaml();
    }

    /**
     * Reads the run folder's config.yaml and applies {@code overrides} ("key.path=value" each).
     *
     * @throws ConfigException when there is no config.yaml (not a run folder) or it is not a valid config
     * @throws RunFileException when its first line is not the hash comment this class writes
     */
    public static RunConfig read(RunFolder run, List<String> overrides) {
        Path file = run.config();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + " does not exist, so " + run.root() + " is not a run folder. Run `paradigm "
                    + "compare` (or `paradigm prepare`) with --run-dir " + run.root() + " first.");
        }
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        String firstLine = yaml.lines().findFirst().orElse("");
        if (!firstLine.startsWith(HASH_PREFIX)) {
            throw new RunFileException(file + " should start with the line \"" + HASH_PREFIX + " <hex>\" that the first "
                    + "stage on a run folder writes, but its first line is \"" + firstLine + "\".");
        }
        try {
            ConfigLoader.fromYaml(yaml, file.toString(), List.of());
        } catch (ConfigException older) { // written by a paradigm whose config had other keys (sample.prompt, ...)
            throw new RunFileException(file + " does not load as a config of this paradigm, which has other keys than"
                    + " the one that wrote it: " + older.getMessage() + "\nThe run cannot be redone in place: start it"
                    + " again with another --run-dir (or delete " + run.root() + ").", older);
        }
        ExperimentConfig config = ConfigLoader.fromYaml(yaml, file.toString(), overrides);
        return new RunConfig(config, firstLine.substring(HASH_PREFIX.length()).trim(), yaml);
    }
}
