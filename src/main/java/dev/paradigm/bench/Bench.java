package dev.paradigm.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.AtomicFiles;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One {@code paradigm bench} run: the token store, then per paradigm training and sampling, then the Java-only work. */
public final class Bench {
    private static final Logger log = LoggerFactory.getLogger(Bench.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bench() {}

    public static BenchReport run(ExperimentConfig config, RunFolder run, PythonRuntime python, BenchSettings settings) {
        double loadBefore = loadAverage();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Path scratch = createScratch();
        try {
            BenchData.Opened data = BenchData.open(config, run, python, settings, scratch);
            TokenStore store = data.store();
            List<BenchReport.ParadigmResult> results = new ArrayList<>();
            for (Paradigm paradigm : settings.paradigms()) {
                // No tokenizer: the samplers are timed on token ids, without decoding (a synthetic store has none).
                // Each engine is closed before the next is built, so its memory does not count in the next one's peak.
                try (Engine engine = Engine.create(python, config.toJson(), paradigm, store.vocabSize(), store.eosId(),
                        null)) {
                    engine.setRng(config.seed());
                    TrainingBenchmark.Result training = new TrainingBenchmark(config, store, engine, settings).run(scratch);
                    List<SamplingBenchmark.Result> sampling = SamplingBenchmark.run(engine, config, settings, store.eosId());
                    results.add(new BenchReport.ParadigmResult(paradigm, engine.info(), deviceFacts(engine), training,
                            sampling));
                }
            }
            HostBenchmark.Result host = HostBenchmark.run(store, config.train().batchSize(), settings.repeats());
            return new BenchReport(config, settings, data.description(), store.vocabSize(), results, host, started,
                    (System.nanoTime() - t0) / 1e9, new double[] {loadBefore, loadAverage()});
        } finally {
            try {
                AtomicFiles.deleteRecursively(scratch);
            } catch (IOException e) { // not worth hiding the benchmark's own outcome for
                log.warn("Could not delete the benchmark's scratch folder {}: {}", scratch, e.getMessage());
            }
        }
    }

    private static JsonNode deviceFacts(Engine engine) {
        try {
            return JSON.readTree(engine.deviceFacts());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("paradigm-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder for the benchmark", e);
        }
    }

    /** The 1-minute system load average, or a negative number where the platform has none. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
