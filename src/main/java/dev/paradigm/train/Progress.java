package dev.paradigm.train;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a long loop: a bar redrawn in place on a terminal, plain log lines (at most one every few
 * seconds) when output goes to a file or a pipe.
 */
public final class Progress {
    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos;

    public Progress(String label, long total) {
        this(label, total, System.err, System.console() != null && System.getenv("CI") == null);
    }

    Progress(String label, long total, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
    }

    /** Reports that {@code done} of {@code total} units are complete, with a free-form status. */
    public void update(long done, String status) {
        long now = System.nanoTime();
        boolean finished = done >= total;
        long interval = terminal ? 100_000_000L : 5_000_000_000L;
        if (!finished && now - lastPrintNanos < interval) {
            return;
        }
        lastPrintNanos = now;
        double elapsed = (now - startNanos) / 1e9;
        double fraction = total == 0 ? 1 : (double) done / total;
        String eta = done == 0 ? "?" : format(Duration.ofMillis((long) (1000 * elapsed * (total - done) / done)));
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

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
