package dev.paradigm.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long loop: a bar redrawn in place when stderr is a terminal, plain lines (at most one every few
 * seconds, never a carriage return) when it goes to a file or a pipe, as under a batch scheduler.
 *
 * <p>The rate, and so the ETA, counts only the units done since this object was made: a run resumed at step 500 of
 * 1000 has 500 steps left at the speed it goes now, not at the speed of 500 steps done in no time.
 */
public final class Progress {
    private static final long TERMINAL_INTERVAL_NANOS = 100_000_000L;
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final String label;
    private final long total;
    private final long start;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long lastPrintNanos;
    private boolean printed;

    /** Progress of {@code total} units, none done yet. */
    public Progress(String label, long total) {
        this(label, total, 0);
    }

    /** Progress of {@code total} units of which {@code start} were done before (a resumed run). */
    public Progress(String label, long total, long start) {
        this(label, total, start, System.err, stderrIsTerminal(), System::nanoTime);
    }

    Progress(String label, long total, long start, PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.label = label;
        this.total = total;
        this.start = start;
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** Reports that {@code done} of {@code total} units are complete, with a free-form status. */
    public void update(long done, String status) {
        long now = nanoTime.getAsLong();
        boolean finished = done >= total;
        long interval = terminal ? TERMINAL_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
        if (!finished && printed && now - lastPrintNanos < interval) {
            return;
        }
        printed = true;
        lastPrintNanos = now;
        double fraction = total == 0 ? 1 : (double) done / total;
        String eta = eta(done, (now - startNanos) / 1e9);
        if (terminal) {
            int width = 24;
            int filled = (int) Math.round(fraction * width);
            out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d %s eta %s   ", label, "#".repeat(filled), ".".repeat(width - filled),
                    done, total, status, eta);
            if (finished) {
                out.println();
            }
        } else {
            out.printf(Locale.ROOT, "%s %d/%d (%.0f%%) %s eta %s%n", label, done, total, 100 * fraction, status, eta);
        }
        out.flush();
    }

    /** The time left at the rate of the units done since this object was made; "?" before any was. */
    String eta(long done, double elapsedSeconds) {
        long since = done - start;
        if (since <= 0) {
            return "?";
        }
        return format(Duration.ofMillis((long) (1000 * elapsedSeconds * Math.max(0, total - done) / since)));
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /**
     * Whether file descriptor 2 is a terminal. Java 17 can only say whether stdin and stdout are ({@code
     * System.console()}), which is true for {@code paradigm … 2> log}; on Linux, /proc names what fd 2 is. CI's
     * logs are never a terminal.
     */
    static boolean stderrIsTerminal() {
        if (System.getenv("CI") != null) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
