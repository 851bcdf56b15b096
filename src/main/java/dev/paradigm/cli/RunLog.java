package dev.paradigm.cli;

import dev.paradigm.runtime.BuildInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine;

/**
 * The log file of one command in its run folder ({@code paradigm.log}, or {@code logs/rank-N.log} for a worker of a
 * distributed run): everything the console shows, each line with a time stamp.
 *
 * <p>While open it tees this process's stdout and stderr, where the log messages, the progress lines and the embedded
 * Python's output go, and the command's own out and err writers (its result line, an error message), so nothing
 * reaches the console without reaching the file. A line redrawn in place on a terminal ({@code \r}) enters the file
 * once, as it was last drawn. The file is appended to: a resumed run's log goes on below the interrupted one's, each
 * command's part opened by a line that names it and closed by its exit code. One log is open at a time (the streams
 * it tees belong to the whole process); {@link ParadigmCommand} closes it after the command's error message.
 *
 * <p>The log never makes the run folder: a command refused before it made the folder (bad input) leaves no folder
 * behind. Until the folder exists the lines wait in memory; they are written once it does, and dropped if the command
 * ends without it.
 */
final class RunLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static RunLog open;

    private final Path path;
    private final Path runFolder;
    private OutputStream file; // null until the run folder exists
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final CommandLine command;
    private final PrintWriter commandOut;
    private final PrintWriter commandErr;
    private final Lines[] sources = new Lines[4];

    private RunLog(Path path, Path runFolder, CommandLine command) {
        this.path = path;
        this.runFolder = runFolder;
        this.command = command;
        // The command's writers first: made lazily over System.out, they must not be made over the tee below.
        this.commandOut = command.getOut();
        this.commandErr = command.getErr();
        this.stdout = System.out;
        this.stderr = System.err;
        for (int i = 0; i < sources.length; i++) {
            sources[i] = new Lines();
        }
        command.setOut(new PrintWriter(new TeeWriter(commandOut, sources[0]), true));
        command.setErr(new PrintWriter(new TeeWriter(commandErr, sources[1]), true));
        // Java 17's PrintStream cannot say which charset it encodes with; the JVM's default is what both use.
        System.setOut(new PrintStream(new TeeStream(stdout, sources[2]), true, Charset.defaultCharset()));
        System.setErr(new PrintStream(new TeeStream(stderr, sources[3]), true, Charset.defaultCharset()));
    }

    /**
     * Starts logging the running {@code command} to {@code path} inside {@code runFolder}, after closing any log still
     * open. Fails with a message that names the file when it cannot be written.
     */
    static synchronized void open(Path path, Path runFolder, CommandLine.Model.CommandSpec command) {
        close(null);
        open = new RunLog(path, runFolder, command.commandLine());
        open.openFileOnceTheFolderExists();
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        open.note("paradigm " + String.join(" ", parsed == null ? List.of() : parsed.originalArgs()) + "  (paradigm "
                + BuildInfo.load().version() + ", pid " + ProcessHandle.current().pid() + ")");
    }

    /** The file the open log writes, or null. */
    static synchronized Path current() {
        return open == null ? null : open.path;
    }

    /** Ends the open log, if any, with the command's exit code (null: none, e.g. a usage error follows). */
    static synchronized void close(Integer exitCode) {
        if (open == null) {
            return;
        }
        RunLog log = open;
        open = null;
        System.out.flush();
        System.err.flush();
        System.setOut(log.stdout);
        System.setErr(log.stderr);
        log.command.setOut(log.commandOut);
        log.command.setErr(log.commandErr);
        for (Lines lines : log.sources) {
            lines.end();
        }
        if (exitCode != null) {
            log.note("exit code " + exitCode);
        }
        try {
            if (log.file != null) {
                log.file.close();
            }
        } catch (IOException ignored) {
            // the lines are written and flushed one by one
        }
    }

    /** Opens the file, and writes the lines that waited for it, when the run folder exists; else does nothing. */
    private void openFileOnceTheFolderExists() {
        if (file != null || !Files.isDirectory(runFolder)) {
            return;
        }
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            file = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            pending.writeTo(file);
            pending.reset();
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the log file " + path + ": " + e.getMessage(), e);
        }
    }

    private void note(String text) {
        write(("── " + text).getBytes(StandardCharsets.UTF_8));
    }

    /** One line into the file, time-stamped; lines from several streams and threads never interleave. */
    private synchronized void write(byte[] line) {
        try {
            openFileOnceTheFolderExists();
            OutputStream out = file != null ? file : pending;
            out.write((LocalDateTime.now().format(TIME) + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            // a full disk must not stop training; the console still shows everything
        }
    }

    /** One source's bytes cut into lines: '\n' ends a line, '\r' (not before '\n') starts it again. */
    private final class Lines {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private boolean carriageReturn;

        synchronized void accept(byte[] bytes, int off, int len) {
            for (int i = off; i < off + len; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    write(line.toByteArray());
                    line.reset();
                    carriageReturn = false;
                } else if (b == '\r') {
                    carriageReturn = true;
                } else {
                    if (carriageReturn) {
                        line.reset();
                        carriageReturn = false;
                    }
                    line.write(b);
                }
            }
        }

        synchronized void end() {
            if (line.size() > 0) {
                write(line.toByteArray());
                line.reset();
            }
        }
    }

    private static final class TeeStream extends OutputStream {
        private final OutputStream console;
        private final Lines lines;

        TeeStream(OutputStream console, Lines lines) {
            this.console = console;
            this.lines = lines;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            lines.accept(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }

    private static final class TeeWriter extends Writer {
        private final Writer console;
        private final Lines lines;

        TeeWriter(Writer console, Lines lines) {
            this.console = console;
            this.lines = lines;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            console.write(cbuf, off, len);
            byte[] bytes = new String(cbuf, off, len).getBytes(StandardCharsets.UTF_8);
            lines.accept(bytes, 0, bytes.length);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }

        @Override
        public void close() throws IOException {
            flush(); // the console writer is the command line's, not this tee's, to close
        }
    }
}
