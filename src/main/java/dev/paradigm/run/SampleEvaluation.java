package dev.paradigm.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.config.EvaluateConfig;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.metrics.MetricsResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code metrics.json}, written by the evaluate stage: every number about one paradigm's samples. It names what it
 * was computed from ({@code samplesSha256}, {@code evaluateSettings}), so a change of either makes it stale. This
 * record is its one writer ({@link #write}) and reader ({@link #read}); adding a field is adding a component (and
 * bumping {@link #VERSION}, so older files are refused with the command that redoes them).
 *
 * @param samplesSha256    sha256 hex of the samples.jsonl the numbers were computed from
 * @param evaluateSettings the config's {@code evaluate} section they were computed with
 * @param seed             the run seed, from which the bootstrap draws
 * @param metrics          diversity metrics with 95% bootstrap intervals
 */
public record SampleEvaluation(
        String format,
        int version,
        Paradigm paradigm,
        int nSamples,
        String samplesSha256,
        EvaluateConfig evaluateSettings,
        long seed,
        SamplerSettings sampler,
        MetricsResult metrics,
        Validation validation,
        Fluency fluency) {

    public static final String FORMAT = "paradigm-sample-evaluation";
    public static final int VERSION = 2;
    static final FileFormat FILE_FORMAT = new FileFormat(FORMAT, VERSION, "evaluate");

    /**
     * The validation loss of the sampled (best) checkpoint, from the training summary.
     *
     * @param bound true for MDLM, whose loss is a NELBO and perplexity an upper bound
     */
    public record Validation(double valLoss, double valPpl, int bestStep, boolean bound) {}

    /**
     * How well the samples read. The grammar fields are null when no sample was checked ({@code evaluate.grammar_samples}
     * is 0).
     *
     * @param genPpl generative perplexity under the judge AR model
     * @param judge  which model judged, in words
     */
    public record Fluency(
            Estimate genPpl,
            String judge,
            @JsonProperty("grammar_errors_per_100_words") Estimate grammarErrorsPer100Words,
            @JsonProperty("spelling_errors_per_100_words") Estimate spellingErrorsPer100Words,
            Integer grammarCheckedSamples,
            String grammarChecker) {}

    /** A new evaluation in this version's format. */
    public static SampleEvaluation of(Paradigm paradigm, int nSamples, String samplesSha256, EvaluateConfig settings,
            long seed, SamplerSettings sampler, MetricsResult metrics, Validation validation, Fluency fluency) {
        return new SampleEvaluation(FORMAT, VERSION, paradigm, nSamples, samplesSha256, settings, seed, sampler, metrics,
                validation, fluency);
    }

    /** Replaces the paradigm's metrics.json atomically, then seals it with its {@link FileManifest}. */
    public void write(RunFolder run) {
        Path file = run.sampleMetrics(paradigm);
        FileManifest.remove(file);
        AtomicFiles.writeString(file, RunJson.pretty(this) + "\n");
        FileManifest.seal(file, 1);
    }

    /**
     * Reads a paradigm's metrics.json; missing, unfinished (no manifest), damaged (not matching it), malformed or of
     * another format, it is an error that says what to run.
     */
    public static SampleEvaluation read(RunFolder run, Paradigm paradigm) {
        Path file = run.sampleMetrics(paradigm);
        if (!Files.isRegularFile(file)) {
            throw FILE_FORMAT.missing(file);
        }
        boolean sealed = FileManifest.exists(file); // damage is named against the manifest; an older format as such
        if (sealed) {
            FileManifest.verify(file, FILE_FORMAT, run);
        }
        try {
            JsonNode tree = RunJson.MAPPER.readTree(file.toFile());
            FILE_FORMAT.check(tree, file, run);
            SampleEvaluation evaluation = RunJson.MAPPER.treeToValue(tree, SampleEvaluation.class);
            if (!sealed) {
                FileManifest.verify(file, FILE_FORMAT, run);
            }
            return evaluation;
        } catch (JsonProcessingException e) {
            throw FILE_FORMAT.unreadable(file, 0, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
