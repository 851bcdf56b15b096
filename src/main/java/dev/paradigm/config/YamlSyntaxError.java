package dev.paradigm.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML parser error into one message a user can act on: the file, the line and column (counted from 1)
 * where the problem is, what the parser found there, and the line itself with a caret under the column.
 */
final class YamlSyntaxError {
    private YamlSyntaxError() {}

    static String describe(JsonProcessingException error, String yaml, String origin) {
        int line;
        int column;
        String problem;
        if (error.getCause() instanceof MarkedYAMLException snake && snake.getProblemMark() != null) {
            // SnakeYAML knows where the problem is; Jackson's own location is where the enclosing node began.
            Mark mark = snake.getProblemMark();
            line = mark.getLine() + 1;
            column = mark.getColumn() + 1;
            problem = snake.getProblem() + (snake.getContext() == null ? "" : " (" + snake.getContext() + ")");
        } else {
            JsonLocation at = error.getLocation();
            line = at == null ? -1 : at.getLineNr();
            column = at == null ? -1 : at.getColumnNr();
            String message = error.getOriginalMessage();
            problem = message.contains("\n") ? message.substring(0, message.indexOf('\n')) : message;
            if (problem.startsWith("Duplicate field ")) { // Jackson's words for a key given twice in one section
                problem = "the key " + problem.substring("Duplicate field ".length())
                        + " is given twice in the same section";
            }
        }
        if (line < 1) {
            return "Could not parse " + origin + " as YAML: " + problem + ".";
        }
        return "Could not parse " + origin + " as YAML at line " + line + ", column " + column + ": " + problem
                + "." + excerpt(yaml, line, column);
    }

    /** The offending line and a caret under the column, or nothing when the line is past the end of the text. */
    private static String excerpt(String yaml, int line, int column) {
        String[] lines = yaml.split("\n", -1);
        if (line > lines.length || lines[line - 1].isBlank()) {
            return "";
        }
        String text = lines[line - 1].replace('\t', ' ');
        return "\n    " + text + "\n    " + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
