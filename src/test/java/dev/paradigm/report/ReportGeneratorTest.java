package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.run.RunFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGeneratorTest {
    @TempDir
    Path temp;

    @Test
    void writesAllThreeFilesAndLeavesNoTemporaryFiles() throws IOException {
        Path run = ReportFixture.copy(temp, "run");
        ReportFiles files = ReportGenerator.write(run, ReportFixture.CLOCK);
        assertEquals(run.resolve("report.json"), files.json());
        assertTrue(Files.readString(files.html()).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(files.markdown()).startsWith("# AR vs MDLM — demo"));
        assertEquals("paradigm-report", ReportFixture.readJson(files.json()).get("format").asText());
        try (Stream<Path> entries = Files.list(run)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("ar", "config.yaml", "data", "mdlm", "report.html", "report.json", "report.md"), names);
        }
    }

    @Test
    void writingIsDeterministicForAFixedClock() throws IOException {
        Path run = ReportFixture.copy(temp, "run");
        byte[] first = Files.readAllBytes(ReportGenerator.write(run, ReportFixture.CLOCK).html());
        byte[] second = Files.readAllBytes(ReportGenerator.write(run, ReportFixture.CLOCK).html());
        assertArrayEquals(first, second);
    }

    @Test
    void badInputLeavesThePreviousReportUntouched() throws IOException {
        Path run = ReportFixture.copy(temp, "run");
        ReportFiles files = ReportGenerator.write(run, ReportFixture.CLOCK);
        byte[] before = Files.readAllBytes(files.json());
        Files.delete(run.resolve("ar/samples.jsonl"));
        assertThrows(RunFileException.class, () -> ReportGenerator.write(run, ReportFixture.CLOCK));
        assertArrayEquals(before, Files.readAllBytes(files.json()));
    }
}
