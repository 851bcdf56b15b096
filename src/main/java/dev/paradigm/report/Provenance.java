package dev.paradigm.report;

import java.time.Instant;

/** Who wrote the report and when: the paradigm version, the Java runtime and the time of writing. */
public record Provenance(String paradigmVersion, String javaVersion, Instant generatedAt) {}
