package dev.paradigm.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.run.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.jsonl}: one JSON object per log interval and per evaluation, flushed line by line so a crash
 * loses at most the line being written. On resume, lines past the checkpoint's step are dropped so the log
 * reads as if the run had never stopped.
 */
public final class MetricsLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private BufferedWriter writer;

    private MetricsLog(Path file) {
        this.file = file;
    }

    /** A new, empty log (replacing any old one). */
    public static MetricsLog fresh(Path file) {
        AtomicFiles.writeString(file, "");
        return new MetricsLog(file);
    }

    /** Keeps the train and eval lines up to and including {@code step}; drops the rest (and any summary). */
    public static MetricsLog resumeAt(Path file, long step) {
        List<String> kept = new ArrayList<>();
        for (JsonNode line : read(file)) {
            String kind = line.path("kind").asText();
            if (!kind.equals("summary") && line.path("step").asLong() <= step) {
                kept.add(line.toString());
            }
        }
        AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
        return new MetricsLog(file);
    }

    public ObjectNode line(String kind) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", kind);
        return node;
    }

    public void append(ObjectNode line) {
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            writer.write(line.toString());
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to " + file, e);
        }
    }

    /** Every line of a metrics log; a missing file reads as empty, a torn last line is ignored. */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (text.isBlank()) {
                    continue;
                }
                try {
                    lines.add(JSON.readTree(text));
                } catch (IOException torn) {
                    break; // a line cut by a crash is the last one; what came before stands
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return lines;
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
