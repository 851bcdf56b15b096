package dev.paradigm.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * One in-process run of the {@code paradigm} command line: exit code, the command's out and err, and what went
 * to {@code System.err} meanwhile (the log and Python's stderr).
 */
public record CliRun(int code, String out, String err, String log) {

    /** Runs {@code args} on a fresh command line built by {@code commandLine} (tests pass ParadigmCommand's). */
    public static CliRun of(Supplier<CommandLine> commandLine, String... args) {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // System.err is swapped before the command line exists: a command line made earlier replaces the writers set
        // on it with ones over the new System.err.
        System.setErr(new PrintStream(new TeeStream(log, originalErr), true, StandardCharsets.UTF_8));
        int code;
        try {
            CommandLine cli = commandLine.get();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            code = cli.execute(args);
        } finally {
            System.err.flush();
            System.setErr(originalErr);
        }
        return new CliRun(code, out.toString(), err.toString(), log.toString(StandardCharsets.UTF_8));
    }

    /** Everything the run printed, for assertion messages. */
    public String all() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err + "--- log\n" + log;
    }

    /** Keeps a copy of the log while it still reaches the console, so a failing test's output is readable. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream copy;
        private final OutputStream console;

        TeeStream(OutputStream copy, OutputStream console) {
            this.copy = copy;
            this.console = console;
        }

        @Override
        public void write(int b) throws IOException {
            copy.write(b);
            console.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            copy.write(b, off, len);
            console.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}
