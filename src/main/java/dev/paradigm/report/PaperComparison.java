package dev.paradigm.report;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.run.MetricsLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This run beside {@link PublishedResults}, like with like: each published number next to the same quantity measured
 * the same way here. Shown only for a run that makes every one of the study's choices ({@link StudyProtocol}), since
 * only then is the same quantity measured; its NELBO never stands in for the study's number (the study reported none).
 * A run value is null when the run did not measure it (for example, no evaluation at that step); a paper value is
 * null when the study did not measure it.
 */
public final class PaperComparison {

    /** One quantity: this run's and the paper's value for each paradigm, and how many decimals to show. */
    public record Row(String key, String quantity, Double arRun, Double arPaper, Double mdlmRun, Double mdlmPaper,
                      int decimals) {}

    private PaperComparison() {}

    /** The published study's scale: its model, budget, token budget and samples (see {@link StudyProtocol#SCALE}). */
    static boolean isPaperScale(ExperimentConfig config) {
        return StudyProtocol.scaleDifferences(config).isEmpty();
    }

    /** Whether the run measures what the study measured, so that its numbers go beside the published ones. */
    static boolean applies(RunReport report) {
        return StudyProtocol.follows(report.config().resolved());
    }

    /** The rows, or an empty list when the run does not follow the study (its numbers would measure other things). */
    public static List<Row> rows(RunReport report) {
        if (!applies(report)) {
            return List.of();
        }
        ParadigmRun ar = report.ar();
        ParadigmRun mdlm = report.mdlm();
        PublishedResults.Paradigm pa = PublishedResults.AR;
        PublishedResults.Paradigm pm = PublishedResults.MDLM;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("params", "Parameters", (double) ar.summary().params(), (double) pa.params(),
                (double) mdlm.summary().params(), (double) pm.params(), 0));
        for (int i = 0; i < pa.valCeEvery2000().size(); i++) {
            long step = (i + 1) * PublishedResults.EVAL_EVERY;
            rows.add(new Row("val_ce_" + step, "Validation CE at step " + Fmt.count(step), valCeAt(ar, step),
                    pa.valCeEvery2000().get(i), valCeAt(mdlm, step), pm.valCeEvery2000().get(i), 4));
        }
        Optional<MetricsLine.Eval> arBest = bestValCe(ar);
        Optional<MetricsLine.Eval> mdlmBest = bestValCe(mdlm);
        rows.add(new Row("best_val_ce", "Best validation CE", arBest.map(MetricsLine.Eval::valCe).orElse(null),
                pa.bestValCe(), mdlmBest.map(MetricsLine.Eval::valCe).orElse(null), pm.bestValCe(), 4));
        rows.add(new Row("best_val_ce_step", "Step of best validation CE", arBest.map(e -> (double) e.step()).orElse(null),
                (double) pa.bestStep(), mdlmBest.map(e -> (double) e.step()).orElse(null), (double) pm.bestStep(), 0));
        rows.add(new Row("loop_tokens_per_s", "Throughput the study's way: tokens / wall clock of the whole training "
                + "loop (tokens/s)", ar.summary().loopTokensPerS(), pa.tokensPerS(), mdlm.summary().loopTokensPerS(),
                pm.tokensPerS(), 1));
        rows.add(new Row("loop_minutes", "Wall time of the training loop (min)", ar.summary().wallS() / 60,
                pa.trainMinutes(), mdlm.summary().wallS() / 60, pm.trainMinutes(), 2));
        rows.add(new Row("tokens_per_s", "Throughput, clean: training time only (tokens/s; the study did not measure it)",
                ar.summary().tokensPerS(), null, mdlm.summary().tokensPerS(), null, 1));
        for (String metric : pa.diversity().keySet()) {
            rows.add(new Row(metric, label(metric), runMetric(ar, metric), pa.diversity().get(metric),
                    runMetric(mdlm, metric), pm.diversity().get(metric),
                    metric.equals("vocabulary") ? 0 : metric.equals("mean_words") ? 1 : 4));
        }
        return rows;
    }

    /** The study's validation number at {@code step}, or null when the run did not measure it there. */
    private static Double valCeAt(ParadigmRun run, long step) {
        return run.evals().stream().filter(e -> e.step() == step).map(MetricsLine.Eval::valCe).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The evaluation with the lowest study's number (the first of equals), as the study kept its best weights. */
    private static Optional<MetricsLine.Eval> bestValCe(ParadigmRun run) {
        return run.evals().stream().filter(e -> e.valCe() != null)
                .min(Comparator.comparingDouble(MetricsLine.Eval::valCe));
    }

    private static String label(String metric) {
        return metric.equals("self_bleu_sampled") ? "Self-BLEU (200 candidates × 50 sampled references, no smoothing)"
                : MetricCatalog.label(metric);
    }

    private static Double runMetric(ParadigmRun run, String metric) {
        Estimate estimate = run.metrics().get(metric);
        return estimate == null ? null : estimate.value();
    }
}
