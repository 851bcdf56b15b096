package dev.paradigm.report;

import dev.paradigm.engine.Paradigm;
import dev.paradigm.metrics.Estimate;
import java.util.ArrayList;
import java.util.List;

/** One sample metric of both paradigms side by side, with whether their 95% intervals separate them. */
public record MetricComparison(String metric, Estimate ar, Estimate mdlm) {

    /** True when the intervals do not overlap: the difference is larger than the sampling noise. */
    public boolean outsideIntervals() {
        return !ar.overlaps(mdlm);
    }

    /** "AR" or "MDLM", whichever value is higher ("equal" when they are the same). */
    public String higher() {
        return ar.value() > mdlm.value() ? Paradigm.AR.name() : ar.value() < mdlm.value() ? Paradigm.MDLM.name() : "equal";
    }

    /** Every numeric metric both paradigms report, in catalog order. */
    public static List<MetricComparison> all(RunReport report) {
        var arMetrics = report.ar().metrics();
        var mdlmMetrics = report.mdlm().metrics();
        List<MetricComparison> comparisons = new ArrayList<>();
        for (String name : MetricCatalog.ordered(arMetrics.keySet(), mdlmMetrics.keySet())) {
            if (arMetrics.containsKey(name) && mdlmMetrics.containsKey(name)) {
                comparisons.add(new MetricComparison(name, arMetrics.get(name), mdlmMetrics.get(name)));
            }
        }
        return comparisons;
    }
}
