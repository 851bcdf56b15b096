package dev.paradigm.bench;

import dev.paradigm.config.ConfigException;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.pipeline.PrepareStage;
import dev.paradigm.pipeline.RunSetup;
import dev.paradigm.run.RunConfig;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The token store a benchmark trains on: a synthetic one, or the run folder's prepared one.
 *
 * <p>A benchmark may change anything but the data (batch size, model width, samplers), so an existing run folder is
 * reused when its config agrees on what the token store depends on (data.*, model.seq_len and the seed, which seeds
 * a generated corpus), without claiming the folder for the benchmark's config. A fresh folder is set up as
 * {@code paradigm prepare} would.
 */
public final class BenchData {
    /** A token store and what to call it in the report. */
    public record Opened(TokenStore store, String description) {}

    private BenchData() {}

    /** Synthetic store into {@code scratch} when {@code settings.syntheticVocab()} is set, else the run folder's. */
    public static Opened open(ExperimentConfig config, RunFolder run, PythonRuntime python, BenchSettings settings,
            Path scratch) {
        if (settings.syntheticVocab() != null) {
            int batch = config.train().batchSize();
            int evalBatches = config.train().evalBatches();
            int valChunks = batch * (evalBatches == 0 ? 4 : evalBatches);
            TokenStore store = SyntheticTokens.write(scratch.resolve("synthetic-data"), settings.syntheticVocab(),
                    config.model().seqLen(), batch, valChunks, config.seed());
            return new Opened(store, "synthetic, uniform random tokens");
        }
        if (!Files.exists(run.config())) {
            return new Opened(RunSetup.prepare(config, run, python), run.data().toString());
        }
        ExperimentConfig existing = RunConfig.read(run, List.of()).resolved();
        List<String> differences = dataDifferences(existing, config);
        if (!differences.isEmpty()) {
            throw new ConfigException("bench trains on the token store of " + run.root() + ", but that folder was made "
                    + "with other data settings (run folder → this command):\n  " + String.join("\n  ", differences)
                    + "\nUse another --run-dir, or --synthetic-vocab N to benchmark on random tokens.");
        }
        TokenStore store = PrepareStage.isComplete(run) ? TokenStore.open(run.data()) : PrepareStage.run(existing, run, python);
        return new Opened(store, run.data().toString());
    }

    /** The keys the token store depends on whose values differ, as {@link ExperimentConfig#diff} writes them. */
    static List<String> dataDifferences(ExperimentConfig existing, ExperimentConfig wanted) {
        return ExperimentConfig.diff(existing, wanted).stream()
                .filter(line -> line.startsWith("data.") || line.startsWith("model.seq_len:") || line.startsWith("seed:"))
                .toList();
    }
}
