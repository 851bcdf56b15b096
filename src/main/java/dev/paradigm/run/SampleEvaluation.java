package dev.paradigm.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.config.EvaluateConfig;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.memorization.MemorizationResult;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.metrics.MetricsResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 * @param memorization     how much of the samples is copied from the training tokens; null when
 *                         {@code evaluate.memorization.max_index_mib} is 0
 * @param frontierSha256   sha256 hex of the frontier.jsonl the frontier points were computed from; null without one
 * @param frontier         the quality–diversity frontier, one point per setting (empty when
 *                         {@code evaluate.frontier.points} is 0)
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
        Fluency fluency,
        Memorization memorization,
        String frontierSha256,
        List<FrontierPoint> frontier) {

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
     * @param genPpl           generative perplexity under the judge ({@code evaluate.judge})
     * @param judge            which model judged, in words
     * @param judgeIndependent false when the judge is this run's own AR model: it judges the AR samples it drew
     *                         itself, so the verdict never rests on its number
     * @param selfJudgedPpl    generative perplexity under this run's own AR model when the judge is another one (kept,
     *                         flagged, beside the independent number); null when the judge is the run's AR model
     */
    public record Fluency(
            Estimate genPpl,
            String judge,
            boolean judgeIndependent,
            Estimate selfJudgedPpl,
            @JsonProperty("grammar_errors_per_100_words") Estimate grammarErrorsPer100Words,
            @JsonProperty("spelling_errors_per_100_words") Estimate spellingErrorsPer100Words,
            Integer grammarCheckedSamples,
            String grammarChecker) {}

    /**
     * How much of the samples occurs verbatim in the training tokens, and the same for held-out validation text
     * shaped like them (the baseline of a model that does not memorize).
     *
     * @param trainTokens        tokens in the training split the index was built over
     * @param samples            the samples' generated tokens (after the prompt, before the end-of-story token)
     * @param heldOut            validation pieces of at most {@code heldOutMaxLength} tokens, as many as samples (fewer
     *                           when the split holds fewer); null when it holds none
     * @param heldOutMaxLength   the longest a sample's generated part can be: sample.length minus the prompt
     */
    public record Memorization(long trainTokens, MemorizationResult samples, MemorizationResult heldOut,
            int heldOutMaxLength) {}

    /**
     * One setting of the quality–diversity frontier, measured on its {@code frontier.jsonl} samples.
     *
     * @param point       the setting's index in frontier.jsonl
     * @param knob        which knob this setting turns (the others stay at their {@code sample.*} values)
     * @param temperature the sampling temperature
     * @param mdlmSteps   MDLM's denoising steps (AR ignores them)
     * @param samples     samples drawn at this setting
     * @param judgePpl    generative perplexity under {@code evaluate.judge}; null when no sample had a token to score
     * @param selfBleu    all-pairs Self-BLEU (lower: more diverse)
     * @param distinct4   Distinct-4 (higher: more diverse)
     */
    public record FrontierPoint(int point, FrontierLine.Knob knob, double temperature, int mdlmSteps, int samples,
            Estimate judgePpl, Estimate selfBleu, @JsonProperty("distinct_4") Estimate distinct4) {}

    public SampleEvaluation {
        frontier = List.copyOf(frontier);
    }

    /** A new evaluation in this version's format. */
    public static SampleEvaluation of(Paradigm paradigm, int nSamples, String samplesSha256, EvaluateConfig settings,
            long seed, SamplerSettings sampler, MetricsResult metrics, Validation validation, Fluency fluency,
            Memorization memorization, String frontierSha256, List<FrontierPoint> frontier) {
        return new SampleEvaluation(FORMAT, VERSION, paradigm, nSamples, samplesSha256, settings, seed, sampler, metrics,
                validation, fluency, memorization, frontierSha256, frontier);
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
