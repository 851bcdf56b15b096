package dev.paradigm.report;

import java.util.List;

/**
 * A table of plain-text cells, built once and rendered by both the Markdown and the HTML writer so the two
 * always show the same numbers. A cell starting with ✓ or ✗ is a check the HTML writer colours.
 */
public record Table(String caption, List<String> header, List<List<String>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("Table \"" + caption + "\" has " + header.size()
                        + " columns but a row with " + row.size() + " cells: " + row);
            }
        }
    }

    static final String PASS = "✓";
    static final String FAIL = "✗";

    static String check(boolean passed, String words) {
        return (passed ? PASS : FAIL) + " " + words;
    }
}
