package dev.paradigm.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.engine.Paradigm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every line of a run folder's metrics.jsonl files, both paradigms, as one CSV table (RFC 4180) for spreadsheets and
 * data-frame tools: a {@code paradigm} column, then the lines' fields under their metrics.jsonl names, nested ones
 * dotted ({@code analysis.best_step}), in the order they first appear. A field a line does not have is empty. The
 * lines come through {@link MetricsLog#read}, so a log of another format is refused as everywhere else.
 */
public final class MetricsCsv {
    private MetricsCsv() {}

    /** The CSV text of {@code run}'s metrics logs; a paradigm not trained yet contributes no rows. */
    public static String of(RunFolder run) {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>(List.of("paradigm"));
        for (Paradigm paradigm : Paradigm.values()) {
            for (MetricsLine line : MetricsLog.read(run, paradigm).lines()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("paradigm", paradigm.id());
                for (Map.Entry<String, JsonNode> field : RunJson.fields(line).entrySet()) {
                    row.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText());
                }
                columns.addAll(row.keySet());
                rows.add(row);
            }
        }
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", columns.stream().map(MetricsCsv::quote).toList())).append("\r\n");
        for (Map<String, String> row : rows) {
            csv.append(String.join(",", columns.stream().map(c -> quote(row.getOrDefault(c, ""))).toList())).append("\r\n");
        }
        return csv.toString();
    }

    /** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
