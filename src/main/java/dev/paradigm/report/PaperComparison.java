package dev.paradigm.report;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.report.HeadlineNumbers.Quantity;
import dev.paradigm.run.MetricsLine;
import java.util.ArrayList;
import java.util.List;

/**
 * This run beside {@link PublishedResults}, row by row, for runs at the paper's scale. A run value is null
 * when the run did not measure it (for example, no evaluation at that step).
 */
public final class PaperComparison {

    /** One quantity: this run's and the paper's value for each paradigm, and how many decimals to show. */
    public record Row(String key, String quantity, Double arRun, double arPaper, Double mdlmRun, double mdlmPaper,
                      int decimals) {}

    private PaperComparison() {}

    /** The published study's scale: 12 layers × 768 wide, 512 tokens, 20,000 steps of batch 32. */
    static boolean isPaperScale(ExperimentConfig config) {
        return config.model().nLayer() == 12 && config.model().dModel() == 768 && config.model().seqLen() == 512
                && config.train().steps() == 20_000 && config.train().batchSize() == 32;
    }

    /** The rows, or an empty list when the run is not at paper scale (the numbers would not be comparable). */
    public static List<Row> rows(RunReport report) {
        if (!isPaperScale(report.config().resolved())) {
            return List.of();
        }
        ParadigmRun ar = report.ar();
        ParadigmRun mdlm = report.mdlm();
        PublishedResults.Paradigm pa = PublishedResults.AR;
        PublishedResults.Paradigm pm = PublishedResults.MDLM;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("params", "Parameters", (double) ar.summary().params(), pa.params(),
                (double) mdlm.summary().params(), pm.params(), 0));
        rows.add(new Row("train_minutes", "Training time (min)", ar.summary().trainTimeS() / 60, pa.trainMinutes(),
                mdlm.summary().trainTimeS() / 60, pm.trainMinutes(), 2));
        rows.add(row(Quantity.TOKENS_PER_S, "Throughput (tokens/s)", ar, pa.tokensPerS(), mdlm, pm.tokensPerS(), 1));
        rows.add(row(Quantity.BEST_VAL_LOSS, "Best validation loss", ar, pa.bestValLoss(), mdlm, pm.bestValLoss(), 4));
        rows.add(row(Quantity.BEST_STEP, "Step of best validation loss", ar, pa.bestStep(), mdlm, pm.bestStep(), 0));
        for (int i = 0; i < pa.valLossEvery2000().size(); i++) {
            long step = (i + 1) * PublishedResults.EVAL_EVERY;
            rows.add(new Row("val_loss_" + step, "Validation loss at step " + Fmt.count(step), valLossAt(ar, step),
                    pa.valLossEvery2000().get(i), valLossAt(mdlm, step), pm.valLossEvery2000().get(i), 3));
        }
        for (String metric : pa.diversity().keySet()) {
            boolean counts = metric.equals("vocabulary");
            rows.add(new Row(metric, paperLabel(metric, ar), runMetric(ar, metric),
                    pa.diversity().get(metric), runMetric(mdlm, metric), pm.diversity().get(metric),
                    counts ? 0 : metric.equals("mean_words") ? 1 : 3));
        }
        return rows;
    }

    /** A headline quantity of both runs beside the paper's values. */
    private static Row row(Quantity quantity, String label, ParadigmRun ar, double arPaper, ParadigmRun mdlm,
            double mdlmPaper, int decimals) {
        return new Row(quantity.key(), label, quantity.of(ar), arPaper, quantity.of(mdlm), mdlmPaper, decimals);
    }

    private static String paperLabel(String metric, ParadigmRun run) {
        if (!metric.equals("self_bleu")) {
            return MetricCatalog.label(metric);
        }
        return run.metrics().containsKey("self_bleu_sampled") ? "Self-BLEU (sampled pairs, as in the paper)"
                : "Self-BLEU (this run: all pairs; paper: sampled pairs)";
    }

    private static Double valLossAt(ParadigmRun run, long step) {
        return run.evals().stream().filter(e -> e.step() == step).map(MetricsLine.Eval::valLoss).findFirst().orElse(null);
    }

    /** Self-BLEU is compared with the sampled estimate when the run made one, as the paper did. */
    private static Double runMetric(ParadigmRun run, String metric) {
        var metrics = run.metrics();
        if (metric.equals("self_bleu") && metrics.containsKey("self_bleu_sampled")) {
            return metrics.get("self_bleu_sampled").value();
        }
        Estimate estimate = metrics.get(metric);
        return estimate == null ? null : estimate.value();
    }
}
