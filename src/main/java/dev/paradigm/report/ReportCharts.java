package dev.paradigm.report;

import dev.paradigm.metrics.Estimate;
import dev.paradigm.report.svg.BarChart;
import dev.paradigm.report.svg.LineChart;
import dev.paradigm.report.svg.ScatterChart;
import dev.paradigm.run.SampleEvaluation;
import java.util.ArrayList;
import java.util.List;

/** The report's SVG charts, built from the run's numbers. */
final class ReportCharts {
    static final String AR_COLOR = "#1f6fb4";
    static final String MDLM_COLOR = "#d9622b";
    static final String AR_LIGHT = "#7fb3e0"; // a paradigm's second measure in the frontier chart
    static final String MDLM_LIGHT = "#f0a57f";
    /** Beyond this many points a line gains nothing visible and the page just grows. */
    private static final int MAX_POINTS = 600;

    private ReportCharts() {}

    static String validationLoss(RunReport report) {
        return new LineChart("chart-val-loss", "Validation loss against training step", "training step",
                "validation loss (nats/token)", List.of(
                        evalSeries("AR (exact NLL)", AR_COLOR, report.ar()),
                        evalSeries("MDLM (NELBO, upper bound)", MDLM_COLOR, report.mdlm())), epochs(report)).render();
    }

    static String trainLoss(RunReport report) {
        return new LineChart("chart-train-loss", "Training loss against training step", "training step",
                "training loss (nats/token)", List.of(
                        trainSeries(report.ar().label(), AR_COLOR, report.ar()),
                        trainSeries(report.mdlm().label(), MDLM_COLOR, report.mdlm())), epochs(report)).render();
    }

    /** Every seed's validation curves in one chart (one colour per paradigm), epochs along the top as above. */
    static String sweepValidationLoss(SweepReport sweep) {
        List<LineChart.Series> series = new ArrayList<>();
        for (RunReport run : sweep.runs()) {
            series.add(evalSeries("AR (exact NLL)", AR_COLOR, run.ar()));
            series.add(evalSeries("MDLM (NELBO, upper bound)", MDLM_COLOR, run.mdlm()));
        }
        return new LineChart("chart-sweep-val-loss", "Validation loss against training step, every seed",
                "training step", "validation loss (nats/token)", series, epochs(sweep.runs().get(0))).render();
    }

    /** Epochs along the top when training repeated its data (both paradigms read the same stream); else none. */
    private static LineChart.TopAxis epochs(RunReport report) {
        return report.ar().repeatsData() ? new LineChart.TopAxis("epoch", report.ar().epochsPerStep()) : null;
    }

    /** Bars of the main diversity shares with their 95% intervals; null when neither run has any. */
    static String diversity(RunReport report) {
        List<String> categories = new ArrayList<>();
        List<BarChart.Bar> ar = new ArrayList<>();
        List<BarChart.Bar> mdlm = new ArrayList<>();
        for (MetricComparison c : MetricComparison.all(report)) {
            if (MetricCatalog.CHARTED.contains(c.metric())) {
                categories.add(MetricCatalog.SHORT_LABELS.get(c.metric()));
                ar.add(bar(c.ar()));
                mdlm.add(bar(c.mdlm()));
            }
        }
        if (categories.isEmpty()) {
            return null;
        }
        return new BarChart("chart-diversity", "Diversity metrics with 95% confidence intervals", "value",
                categories, List.of(new BarChart.Series(report.ar().label(), AR_COLOR, ar),
                        new BarChart.Series(report.mdlm().label(), MDLM_COLOR, mdlm))).render();
    }

    /**
     * The quality–diversity frontier of both paradigms in one chart: judge perplexity (log) against Distinct-4 (solid)
     * and Self-BLEU (dashed), every setting with its interval, each curve through the paradigm's Pareto front; null
     * when the run drew no frontier.
     */
    static String frontier(RunReport report) {
        QualityDiversity qd = QualityDiversity.of(report);
        if (qd == null) {
            return null;
        }
        List<ScatterChart.Series> series = new ArrayList<>();
        for (QualityDiversity.Measure measure : List.of(QualityDiversity.Measure.DISTINCT_4, QualityDiversity.Measure.SELF_BLEU)) {
            boolean selfBleu = measure == QualityDiversity.Measure.SELF_BLEU;
            series.add(frontierSeries("AR " + measure.label, selfBleu ? AR_LIGHT : AR_COLOR, selfBleu, qd.ar(), measure));
            series.add(frontierSeries("MDLM " + measure.label, selfBleu ? MDLM_LIGHT : MDLM_COLOR, selfBleu, qd.mdlm(),
                    measure));
        }
        return new ScatterChart("chart-frontier", "Quality–diversity frontier: judge perplexity against diversity",
                "generative perplexity under " + qd.judge() + " (log scale; lower reads better)",
                "Distinct-4 ↑ / Self-BLEU ↓ = diverse", series).render();
    }

    private static ScatterChart.Series frontierSeries(String name, String color, boolean dashed,
            List<SampleEvaluation.FrontierPoint> points, QualityDiversity.Measure measure) {
        List<SampleEvaluation.FrontierPoint> scored = points.stream().filter(p -> p.judgePpl() != null).toList();
        return new ScatterChart.Series(name, color, dashed, scored.stream().map(p -> point(p, measure)).toList(),
                QualityDiversity.front(scored, measure).stream().map(p -> point(p, measure)).toList());
    }

    private static ScatterChart.Point point(SampleEvaluation.FrontierPoint p, QualityDiversity.Measure measure) {
        Estimate e = measure == QualityDiversity.Measure.SELF_BLEU ? p.selfBleu() : p.distinct4();
        return new ScatterChart.Point(p.judgePpl().value(), e.value(), e.ciLow(), e.ciHigh());
    }

    private static BarChart.Bar bar(Estimate e) {
        return new BarChart.Bar(e.value(), e.ciLow(), e.ciHigh());
    }

    private static LineChart.Series evalSeries(String name, String color, ParadigmRun run) {
        List<LineChart.Point> points = run.evals().stream()
                .map(e -> new LineChart.Point(e.step(), e.valLoss())).toList();
        return new LineChart.Series(name, color, thin(points), points.size() <= 60);
    }

    private static LineChart.Series trainSeries(String name, String color, ParadigmRun run) {
        List<LineChart.Point> points = run.train().stream()
                .map(t -> new LineChart.Point(t.step(), t.loss())).toList();
        return new LineChart.Series(name, color, thin(points), false);
    }

    /** Every k-th point (always keeping the last) so a long log stays a small page. */
    private static List<LineChart.Point> thin(List<LineChart.Point> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        int every = (int) Math.ceil(points.size() / (double) MAX_POINTS);
        List<LineChart.Point> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i += every) {
            kept.add(points.get(i));
        }
        if (!kept.get(kept.size() - 1).equals(points.get(points.size() - 1))) {
            kept.add(points.get(points.size() - 1));
        }
        return kept;
    }
}
