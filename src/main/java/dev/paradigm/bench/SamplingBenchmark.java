package dev.paradigm.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.MdlmSampler;
import dev.paradigm.engine.Engine;
import dev.paradigm.engine.Paradigm;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples per second of every sampler an engine offers: AR with and without the KV cache, MDLM ancestral, cached
 * and confidence. Each sampler draws {@code sampleCount} samples of exactly {@code sampleLength} tokens (stop_at_eos
 * off, so an early end-of-story token cannot shorten the work) from a one-token end-of-story prompt, in batches of
 * the config's sample.batch_size, with the config's other sample settings; one small untimed call comes first.
 * The call returns token ids to Java, so the time includes the device sync and the transfer.
 */
public final class SamplingBenchmark {
    private static final Logger log = LoggerFactory.getLogger(SamplingBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One sampler's timing. */
    public record Result(Paradigm paradigm, String sampler, int samples, int length, int batchSize, double seconds) {
        public double samplesPerSecond() {
            return samples / seconds;
        }

        public double tokensPerSecond() {
            return (double) samples * length / seconds;
        }
    }

    private SamplingBenchmark() {}

    /** The samplers of {@code engine}'s paradigm, timed; empty when {@code settings.sampleCount()} is 0. */
    public static List<Result> run(Engine engine, ExperimentConfig config, BenchSettings settings, int eosId) {
        List<Result> results = new ArrayList<>();
        if (settings.sampleCount() == 0) {
            return results;
        }
        int length = Math.min(settings.sampleLength(), config.model().seqLen());
        int batchSize = Math.min(config.sample().batchSize(), settings.sampleCount());
        List<Integer> prompt = List.of(eosId);
        if (engine.paradigm() == Paradigm.AR) {
            String json = settingsJson(config, length, batchSize, config.sample().mdlmSampler());
            results.add(time(engine, "ar-kv-cache", settings, length, batchSize,
                    n -> engine.sample(n, config.seed(), json, prompt)));
            results.add(time(engine, "ar-no-cache", settings, length, batchSize,
                    n -> engine.sampleWithoutKvCache(n, config.seed(), json, prompt)));
        } else {
            for (MdlmSampler sampler : MdlmSampler.values()) {
                String json = settingsJson(config, length, batchSize, sampler);
                results.add(time(engine, "mdlm-" + sampler, settings, length, batchSize,
                        n -> engine.sample(n, config.seed(), json, prompt)));
            }
        }
        return results;
    }

    private interface Draw {
        void samples(int n);
    }

    private static Result time(Engine engine, String name, BenchSettings settings, int length, int batchSize, Draw draw) {
        draw.samples(1); // warm-up: kernels chosen, caches allocated
        long start = System.nanoTime();
        draw.samples(settings.sampleCount());
        double seconds = (System.nanoTime() - start) / 1e9;
        Result result = new Result(engine.paradigm(), name, settings.sampleCount(), length, batchSize, seconds);
        log.info("{}: {} samples of {} tokens in {} s", name, settings.sampleCount(), length, String.format("%.2f", seconds));
        return result;
    }

    /** The resolved sample section with this benchmark's length, batch and sampler. */
    static String settingsJson(ExperimentConfig config, int length, int batchSize, MdlmSampler mdlmSampler) {
        try {
            ObjectNode sample = (ObjectNode) JSON.readTree(config.toJson()).get("sample");
            sample.put("length", length);
            sample.put("batch_size", batchSize);
            sample.put("stop_at_eos", false);
            sample.put("mdlm_sampler", mdlmSampler.toString());
            return JSON.writeValueAsString(sample);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
