package dev.paradigm.testing;

import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The integration tests' config, {@code src/test/resources/configs/tiny.yaml}: a whole compare in seconds. */
public final class TinyConfig {
    /** Its values, repeated here because tests compute expectations from them. */
    public static final int VOCAB = 300;
    public static final int N_LAYER = 2;
    public static final int D_MODEL = 32;
    public static final int D_FF = 64;
    public static final int SEQ_LEN = 32;
    public static final int STEPS = 20;

    private TinyConfig() {}

    public static Path file() {
        try {
            return Path.of(TinyConfig.class.getResource("/configs/tiny.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ExperimentConfig load(String... overrides) {
        return ConfigLoader.load(file(), List.of(overrides));
    }
}
