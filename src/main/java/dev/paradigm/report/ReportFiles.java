package dev.paradigm.report;

import java.nio.file.Path;

/** Where the report was written. */
public record ReportFiles(Path json, Path markdown, Path html) {}
