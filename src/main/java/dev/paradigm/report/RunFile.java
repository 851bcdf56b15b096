package dev.paradigm.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file of the run folder the report reads, with the stage that writes it (for error messages). */
enum RunFile {
    CONFIG("config.yaml", "the run set-up (`paradigm compare` or `paradigm train` writes it first)"),
    DATA_MANIFEST("data/manifest.json", "the prepare stage (`paradigm prepare`)"),
    TRAIN_LOG("metrics.jsonl", "the train stage (`paradigm train`)"),
    SAMPLES("samples.jsonl", "the sample stage (`paradigm sample`)"),
    SAMPLE_METRICS("metrics.json", "the evaluate stage (`paradigm evaluate`)");

    private final String fileName;
    private final String writtenBy;

    RunFile(String fileName, String writtenBy) {
        this.fileName = fileName;
        this.writtenBy = writtenBy;
    }

    /** Where this file lives; paradigm files sit under {@code ar/} or {@code mdlm/}. */
    Path in(Path runDir, String paradigm) {
        return paradigm == null ? runDir.resolve(fileName) : runDir.resolve(paradigm).resolve(fileName);
    }

    String writtenBy() {
        return writtenBy;
    }

    /** Reads the whole file, or explains which stage should have written it. */
    String read(Path runDir, String paradigm) {
        Path path = in(runDir, paradigm);
        if (!Files.isRegularFile(path)) {
            throw new ReportInputException("Cannot write the report: " + path + " does not exist. It is written by "
                    + writtenBy + "; run that stage for this run folder first.");
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportInputException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
