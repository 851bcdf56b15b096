package dev.paradigm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.report.BrowserCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoctorCommandTest {

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        CommandLine cli = ParadigmCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void healthyEnvironmentIsReady() {
        Result r = run("doctor");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("torch"), r.out());
        // Chromium is part of the test set-up (`make test` installs it), so here it is found and reports its version.
        assertTrue(Pattern.compile("(?m)^browser +Chromium \\d+\\.[^\\n]* at /").matcher(r.out()).find(), r.out());
        assertFalse(r.out().contains("warning:"), r.out());
        assertTrue(r.out().contains("verdict: READY"), r.out());
    }

    @Test
    void aMissingBrowserIsAWarningNotAFailure(@TempDir Path dir) {
        String before = System.getProperty(BrowserCheck.PROPERTY);
        System.setProperty(BrowserCheck.PROPERTY, dir.resolve("no-chromium").toString());
        try {
            Result r = run("doctor");
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("browser       MISSING (only report.png needs it)"), r.out());
            assertTrue(r.out().contains("warning: Headless Chromium renders the report's screenshot"), r.out());
            assertTrue(r.out().contains("not found at " + dir.resolve("no-chromium")), r.out());
            assertTrue(r.out().contains("make browser"), r.out());
            assertTrue(r.out().contains("verdict: READY"), r.out());
        } finally {
            if (before == null) {
                System.clearProperty(BrowserCheck.PROPERTY);
            } else {
                System.setProperty(BrowserCheck.PROPERTY, before);
            }
        }
    }

    @Test
    void missingEnvironmentSaysWhatAndHowToFixIt(@TempDir Path dir) {
        Result r = run("doctor", "--python", dir.resolve("no-such-venv").toString());
        assertEquals(3, r.code());
        assertTrue(r.out().contains("no executable python"), r.out());
        assertTrue(r.out().contains("make setup"), r.out());
    }

    @Test
    void brokenEnvironmentSaysWhatAndHowToFixIt(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("python");
        Files.writeString(fake, "#!/bin/sh\necho 'ImportError: libpython3.11.so: cannot open' >&2\nexit 1\n");
        assertTrue(fake.toFile().setExecutable(true));
        Result r = run("doctor", "--python", fake.toString());
        assertEquals(3, r.code());
        assertTrue(r.out().contains("failed to start"), r.out());
        assertTrue(r.out().contains("libpython3.11.so"), r.out());
    }

    @Test
    void environmentWithoutJepIsReported(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("python");
        Files.writeString(fake, "#!/bin/sh\necho '{\"python\": \"/x/bin/python\", \"version\": \"3.11.0\", \"prefix\": \"/x\"}'\n");
        assertTrue(fake.toFile().setExecutable(true));
        Result r = run("doctor", "--python", fake.toString());
        assertEquals(3, r.code());
        assertTrue(r.out().contains("has no jep installed"), r.out());
    }

    @Test
    void helpListsExitCodesAndSubcommands() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("doctor"), r.out());
        assertTrue(r.out().contains("generate-completion"), r.out());
    }
}
