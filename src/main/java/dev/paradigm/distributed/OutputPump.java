package dev.paradigm.distributed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one output stream of a worker on its own thread: forwards each line with a {@code [rank N]} prefix
 * when asked to (rank 0), and keeps the last lines either way, for the error message when the worker fails.
 */
final class OutputPump {
    static final int KEPT_LINES = 20;

    private final ArrayDeque<String> last = new ArrayDeque<>(KEPT_LINES);
    private final Thread thread;

    OutputPump(InputStream stream, String prefix, PrintStream forwardTo) {
        thread = new Thread(() -> pump(stream, prefix, forwardTo), prefix.strip() + " output");
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(InputStream stream, String prefix, PrintStream forwardTo) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (last) {
                    if (last.size() == KEPT_LINES) {
                        last.removeFirst();
                    }
                    last.addLast(line);
                }
                if (forwardTo != null) {
                    forwardTo.println(prefix + line);
                }
            }
        } catch (IOException closed) {
            // the process is gone; what was read is kept
        }
    }

    /** The last lines read, after waiting briefly for the stream to reach its end (the process has exited). */
    List<String> lastLines() {
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (last) {
            return new ArrayList<>(last);
        }
    }

    void awaitEnd() {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
