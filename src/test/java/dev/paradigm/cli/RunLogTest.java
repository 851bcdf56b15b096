package dev.paradigm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.testing.CliRun;
import dev.paradigm.testing.TinyConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** paradigm.log: what the console shows, time-stamped, with debug lines under -v and the way each command ended. */
class RunLogTest {
    private static final String STAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    @TempDir
    Path temp;

    private CliRun prepare(Path run, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("prepare", "--config", TinyConfig.file().toString(),
                "--run-dir", run.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(ParadigmCommand::commandLine, args.toArray(String[]::new));
    }

    @Test
    void theLogHoldsTheConsolesLinesPythonsOutputAndTheExitCode() throws IOException {
        Path run = temp.resolve("run");
        CliRun r = prepare(run);
        assertEquals(0, r.code(), r.all());
        List<String> log = Files.readAllLines(run.resolve("paradigm.log"));
        assertTrue(log.stream().allMatch(l -> l.matches(STAMP + ".*")), "every line is time-stamped:\n" + log);
        assertTrue(log.get(0).matches(STAMP + "── paradigm prepare --config .* --run-dir " + run + "  \\(paradigm .*, pid \\d+\\)"),
                log.get(0));
        assertTrue(has(log, "[prepare] read 300 stories"), "the embedded Python's stderr:\n" + log);
        assertTrue(has(log, "Prepared " + run.resolve("data")), "the command's result line:\n" + log);
        assertTrue(log.get(log.size() - 1).endsWith("── exit code 0"), log.get(log.size() - 1));
        assertFalse(has(log, "DEBUG"), "no debug lines without -v:\n" + log);
        assertTrue(r.out().contains("Prepared "), "the console still shows everything: " + r.all());

        CliRun again = prepare(run, "-v");
        assertEquals(0, again.code(), again.all());
        List<String> both = Files.readAllLines(run.resolve("paradigm.log"));
        assertEquals(log, both.subList(0, log.size()), "a second command appends");
        List<String> second = both.subList(log.size(), both.size());
        assertTrue(has(second, "DEBUG Run folder " + run.toAbsolutePath() + ": config tiny (sha256 "), "-v:\n" + second);
        assertTrue(again.log().contains("DEBUG Run folder"), "-v shows debug lines on the console too: " + again.all());
    }

    @Test
    void anErrorMessageEndsTheLogWithItsExitCode() throws IOException {
        Path run = temp.resolve("run");
        assertEquals(0, prepare(run).code());
        CliRun r = prepare(run, "--set", "train.steps=7");
        assertEquals(2, r.code(), r.all());
        String log = Files.readString(run.resolve("paradigm.log"));
        assertTrue(log.contains("Configuration error: The run folder " + run + " was made by a different config"), log);
        assertTrue(log.strip().endsWith("── exit code 2"), log);
    }

    @Test
    void aLineRedrawnInPlaceEntersTheLogOnceAsLastDrawn() throws IOException {
        Path file = temp.resolve("x/paradigm.log");
        picocli.CommandLine cli = ParadigmCommand.commandLine();
        cli.parseArgs("doctor");
        PrintStream console = System.err;
        try {
            RunLog.open(file, Files.createDirectories(file.getParent()), cli.getSubcommands().get("doctor").getCommandSpec());
            System.err.print("\rbar [#...] 1/4\rbar [##..] 2/4\rbar [####] 4/4\n");
            System.err.print("no newline at the end");
        } finally {
            RunLog.close(0);
        }
        assertEquals(console, System.err, "closing restores the console");
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(1).matches(STAMP + "bar \\[####\\] 4/4"), lines.get(1));
        assertTrue(lines.get(2).matches(STAMP + "no newline at the end"), lines.get(2));
    }

    private static boolean has(List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }
}
