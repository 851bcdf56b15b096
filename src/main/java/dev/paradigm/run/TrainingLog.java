package dev.paradigm.run;

import java.util.List;
import java.util.Optional;

/** A whole {@code metrics.jsonl}, read: its lines in order, and views by kind. */
public record TrainingLog(List<MetricsLine> lines) {
    public TrainingLog {
        lines = List.copyOf(lines);
    }

    public List<MetricsLine.Train> train() {
        return of(MetricsLine.Train.class);
    }

    public List<MetricsLine.Eval> evals() {
        return of(MetricsLine.Eval.class);
    }

    /** The summary, when the log ends with one (the run finished). */
    public Optional<MetricsLine.Summary> summary() {
        return lines.isEmpty() || !(lines.get(lines.size() - 1) instanceof MetricsLine.Summary last)
                ? Optional.empty() : Optional.of(last);
    }

    private <T extends MetricsLine> List<T> of(Class<T> kind) {
        return lines.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
