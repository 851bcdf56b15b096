package dev.paradigm.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same comparison repeated with different seeds: each headline number as mean ± std with its per-seed
 * values. A number is summarised only when every seed measured it.
 */
public record SweepReport(List<RunReport> runs, List<SweepStatistic> statistics) {

    public SweepReport {
        runs = List.copyOf(runs);
        statistics = List.copyOf(statistics);
    }

    public static SweepReport of(List<RunReport> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("A seed sweep needs at least one run folder; none was given.");
        }
        List<Map<String, Double>> numbers = runs.stream().map(HeadlineNumbers::of).toList();
        Set<String> keys = new LinkedHashSet<>(numbers.get(0).keySet());
        numbers.forEach(n -> keys.retainAll(n.keySet()));
        List<SweepStatistic> statistics = new ArrayList<>();
        for (String key : keys) {
            statistics.add(SweepStatistic.of(key, numbers.stream().map(n -> n.get(key)).toList()));
        }
        return new SweepReport(runs, statistics);
    }

    public List<Long> seeds() {
        return runs.stream().map(r -> r.seed()).toList();
    }

    public List<Path> runDirs() {
        return runs.stream().map(RunReport::runDir).toList();
    }

    /** True when every seed's comparison was controlled (equal digests, budgets and prompts). */
    public boolean allControlled() {
        return runs.stream().allMatch(r -> ControlCheck.of(r).controlled());
    }

    public SweepStatistic statistic(String key) {
        return statistics.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The sweep has no statistic \"" + key + "\"."));
    }
}
