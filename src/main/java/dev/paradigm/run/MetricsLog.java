package dev.paradigm.run;

import dev.paradigm.engine.Paradigm;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code metrics.jsonl}, the one writer and reader of {@link MetricsLine}s: a header line, then one line per log
 * interval and per evaluation, flushed line by line so a crash loses at most the line being written, and a summary
 * line when training finishes, which seals the log with its {@link FileManifest}. On resume, lines past the
 * checkpoint's step are dropped so the log reads as if the run had never stopped. A finished log is checked against
 * its manifest whenever it is read.
 */
public final class MetricsLog implements AutoCloseable {
    static final FileFormat FORMAT = new FileFormat("paradigm-metrics-log", 1, "train");

    private final Path file;
    private BufferedWriter writer;
    private long records;
    private boolean sealed;

    private MetricsLog(Path file, long records) {
        this.file = file;
        this.records = records;
    }

    /** A new log holding only its header (replacing any old one). */
    public static MetricsLog fresh(RunFolder run, Paradigm paradigm) {
        Path file = run.metricsLog(paradigm);
        FileManifest.remove(file);
        AtomicFiles.writeString(file, JsonLinesFile.text(FORMAT, List.of()));
        return new MetricsLog(file, 0);
    }

    /** Keeps the train and eval lines up to and including {@code step}; drops the rest (and any summary). */
    public static MetricsLog resumeAt(RunFolder run, Paradigm paradigm, long step) {
        List<MetricsLine> kept = read(run, paradigm).lines().stream()
                .filter(line -> line instanceof MetricsLine.Train t ? t.step() <= step
                        : line instanceof MetricsLine.Eval e && e.step() <= step)
                .toList();
        Path file = run.metricsLog(paradigm);
        FileManifest.remove(file);
        AtomicFiles.writeString(file, JsonLinesFile.text(FORMAT, kept));
        return new MetricsLog(file, kept.size());
    }

    /** Appends a line; a {@link MetricsLine.Summary} ends the log, which is then sealed with its manifest. */
    public void append(MetricsLine line) {
        if (sealed) {
            throw new IllegalStateException(file + " ends with its summary; nothing may follow it.");
        }
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            writer.write(RunJson.line(line));
            writer.write('\n');
            writer.flush();
            records++;
            if (line instanceof MetricsLine.Summary) {
                writer.close();
                writer = null;
                sealed = true;
                FileManifest.seal(file, records);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every line of a paradigm's log; a missing or empty file reads as empty, a torn last line is left out, a log of
     * another format (or of none: written before logs had one) is refused with the command that redoes it, and so is
     * a finished log that no longer matches its manifest.
     */
    public static TrainingLog read(RunFolder run, Paradigm paradigm) {
        Path file = run.metricsLog(paradigm);
        if (!Files.exists(file)) {
            return new TrainingLog(List.of());
        }
        boolean sealed = FileManifest.exists(file);
        if (sealed) {
            FileManifest.verify(file, FORMAT, run);
        }
        return new TrainingLog(JsonLinesFile.read(file, FORMAT, run, MetricsLine.class, !sealed, Integer.MAX_VALUE));
    }

    /** Whether training finished: the log ends with its summary and matches the manifest written after it. */
    public static boolean isFinished(RunFolder run, Paradigm paradigm) {
        return read(run, paradigm).summary().isPresent() && FileManifest.exists(run.metricsLog(paradigm));
    }

    /** As {@link #read}, but a missing file is an error that names the stage that writes it. */
    public static TrainingLog require(RunFolder run, Paradigm paradigm) {
        if (!Files.isRegularFile(run.metricsLog(paradigm))) {
            throw FORMAT.missing(run.metricsLog(paradigm));
        }
        return read(run, paradigm);
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
