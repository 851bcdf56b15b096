package dev.paradigm.report;

import dev.paradigm.engine.Paradigm;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.train.CurveAnalysis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers a seed sweep summarises, named {@code <paradigm>.<quantity>} (for example
 * {@code ar.best_val_loss}, {@code mdlm.distinct_1}). Metrics a run did not measure are left out.
 */
public final class HeadlineNumbers {

    /** The sample metrics worth a mean ± std across seeds. */
    static final List<String> METRICS = List.of("distinct_1", "distinct_2", "distinct_3", "distinct_4", "self_bleu",
            "vocabulary", "distinct_first_words", "distinct_openings_5", "mean_words");

    private HeadlineNumbers() {}

    public static Map<String, Double> of(RunReport report) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (ParadigmRun run : List.of(report.ar(), report.mdlm())) {
            String p = run.paradigm().id() + ".";
            CurveAnalysis analysis = run.summary().analysis();
            numbers.put(p + "best_val_loss", analysis.bestValLoss());
            numbers.put(p + "best_step", (double) analysis.bestStep());
            numbers.put(p + "final_val_loss", run.evals().get(run.evals().size() - 1).valLoss());
            numbers.put(p + "val_ppl", run.evaluation().validation().valPpl());
            numbers.put(p + "tokens_per_s", run.summary().tokensPerS());
            numbers.put(p + "train_time_s", run.summary().trainTimeS());
            for (String metric : METRICS) {
                Estimate estimate = run.metrics().get(metric);
                if (estimate != null) {
                    numbers.put(p + metric, estimate.value());
                }
            }
            numbers.put(p + "gen_ppl", run.evaluation().fluency().genPpl().value());
        }
        return numbers;
    }

    /** A reader's name for a headline key: "AR best validation loss". */
    static String label(String key) {
        int dot = key.indexOf('.');
        Paradigm paradigm = Paradigm.of(key.substring(0, dot));
        String quantity = key.substring(dot + 1);
        String name = switch (quantity) {
            case "best_val_loss" -> "best validation loss";
            case "best_step" -> "step of best validation loss";
            case "final_val_loss" -> "final validation loss";
            case "val_ppl" -> "validation perplexity" + (paradigm == Paradigm.MDLM ? " (upper bound)" : "");
            case "tokens_per_s" -> "throughput (tokens/s)";
            case "train_time_s" -> "training time (s)";
            case "gen_ppl" -> "generative perplexity";
            default -> MetricCatalog.label(quantity);
        };
        return paradigm.name() + " " + name;
    }
}
