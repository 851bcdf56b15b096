package dev.paradigm.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and writing the run folder's JSON Lines files: a header line {@code {"format":…,"version":…}} (see
 * {@link FileFormat}), then one record a line.
 */
final class JsonLinesFile {
    private JsonLinesFile() {}

    /** The whole text of a file holding {@code records}. */
    static String text(FileFormat format, List<?> records) {
        StringBuilder text = new StringBuilder(RunJson.line(format.header())).append('\n');
        for (Object record : records) {
            text.append(RunJson.line(record)).append('\n');
        }
        return text.toString();
    }

    /**
     * Replaces a samples file (samples.jsonl, frontier.jsonl) with {@code samples}, atomically, then seals it with its
     * {@link FileManifest}: until the manifest is there, readers take the file as unfinished.
     */
    static void writeSamples(Path file, FileFormat format, List<?> samples) {
        FileManifest.remove(file);
        AtomicFiles.writeString(file, text(format, samples));
        FileManifest.seal(file, samples.size());
    }

    /**
     * The samples of a samples file (samples.jsonl, frontier.jsonl), at most {@code limit}: a missing, unfinished (no
     * manifest), damaged (not matching it), malformed or empty file is an error that names it and the stage that
     * writes it.
     */
    static <T> List<T> readSamples(Path file, FileFormat format, RunFolder run, Class<T> type, int limit) {
        if (!Files.isRegularFile(file)) {
            throw format.missing(file);
        }
        // A damaged file is named against its manifest first; a file of an older format is refused as such.
        boolean sealed = FileManifest.exists(file);
        if (sealed) {
            FileManifest.verify(file, format, run);
        }
        List<T> samples = read(file, format, run, type, false, limit);
        if (!sealed) {
            FileManifest.verify(file, format, run);
        }
        if (samples.isEmpty()) {
            throw new RunFileException(file + " holds no samples. " + format.redo(run));
        }
        return samples;
    }

    /**
     * The records of {@code file}, at most {@code limit}. An empty file reads as none; a file whose first line is not
     * this format's header is refused ({@link FileFormat#check}). With {@code tornTail}, a last line that is not
     * complete JSON (a write cut by a crash) is left out; anywhere else it is an error that names the line.
     */
    static <T> List<T> read(Path file, FileFormat format, RunFolder run, Class<T> type, boolean tornTail, int limit) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) {
            last--;
        }
        List<T> records = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < last && records.size() < limit; i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            JsonNode tree;
            try {
                tree = RunJson.MAPPER.readTree(text); // JSON syntax first, then the record's shape
            } catch (JsonProcessingException torn) {
                if (tornTail && i == last - 1 && headerSeen) {
                    break; // a line cut by a crash is the last one; what came before stands
                }
                throw format.unreadable(file, i + 1, torn);
            }
            if (!headerSeen) {
                format.check(tree, file, run);
                headerSeen = true;
                continue;
            }
            try {
                records.add(RunJson.MAPPER.treeToValue(tree, type));
            } catch (JsonProcessingException e) {
                throw format.unreadable(file, i + 1, e);
            }
        }
        return records;
    }
}
