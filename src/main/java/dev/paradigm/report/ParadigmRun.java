package dev.paradigm.report;

import dev.paradigm.engine.Paradigm;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.metrics.MetricsJson;
import dev.paradigm.run.MetricsLine;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.run.SampleLine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the run folder holds about one paradigm ({@code ar/} or {@code mdlm/}), as the run records it. */
public record ParadigmRun(Paradigm paradigm, List<MetricsLine.Train> train, List<MetricsLine.Eval> evals,
                          MetricsLine.Summary summary, SampleEvaluation evaluation, List<SampleLine> firstSamples) {

    public ParadigmRun {
        train = List.copyOf(train);
        evals = List.copyOf(evals);
        firstSamples = List.copyOf(firstSamples);
    }

    /** "AR" or "MDLM", for headings and legends. */
    public String label() {
        return paradigm.name();
    }

    /**
     * Whether training went over its data more than once (the last evaluation, at the last step, lies past epoch 1):
     * then the report counts epochs beside steps.
     */
    public boolean repeatsData() {
        return evals.get(evals.size() - 1).epoch() > 1;
    }

    /** Epochs per training step (the same at every evaluation: the global batch over the training chunks). */
    public double epochsPerStep() {
        MetricsLine.Eval last = evals.get(evals.size() - 1);
        return last.epoch() / last.step();
    }

    /** "step 1,234", and when the run repeats its data "step 1,234 (epoch 8.93)". */
    public String atStep(long step, double epoch) {
        return "step " + Fmt.count(step) + (repeatsData() ? " (epoch " + Fmt.decimals(epoch, 2) + ")" : "");
    }

    /** MDLM's validation loss is a NELBO, so its perplexity is only an upper bound. */
    public boolean likelihoodIsBound() {
        return paradigm == Paradigm.MDLM;
    }

    /**
     * The numeric sample metrics with their intervals, in the file's order, followed by the fluency numbers shown
     * among them (grammar and spelling errors, when the run checked any).
     */
    public Map<String, Estimate> metrics() {
        Map<String, Estimate> metrics = new LinkedHashMap<>(evaluation.metrics().metrics());
        SampleEvaluation.Fluency fluency = evaluation.fluency();
        if (fluency.grammarErrorsPer100Words() != null) {
            metrics.put(MetricCatalog.GRAMMAR_ERRORS, fluency.grammarErrorsPer100Words());
            metrics.put(MetricCatalog.SPELLING_ERRORS, fluency.spellingErrorsPer100Words());
        }
        return Collections.unmodifiableMap(metrics);
    }

    /** Metrics whose value is a word: the most common first word (absent when no sample has a word). */
    public Map<String, String> textMetrics() {
        String word = evaluation.metrics().topFirstWord();
        return word == null ? Map.of() : Map.of(MetricsJson.TOP_FIRST_WORD, word);
    }

    /**
     * How the samples were started, in words: the paper's confound was an AR prompt ("Once") against an
     * unconditional MDLM, so the report compares this between paradigms.
     */
    public String promptDescription() {
        String text = "\"" + evaluation.sampler().sample().promptText() + "\"";
        return switch (evaluation.sampler().prompt()) {
            case EOS -> "end-of-story token (unconditional)";
            case NONE -> "none (unconditional)";
            case TEXT -> "text " + text;
            case EOS_TEXT -> "end-of-story token, then text " + text;
        };
    }
}
