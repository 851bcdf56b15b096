package dev.paradigm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private Progress progress(long total, long start, boolean terminal) {
        return new Progress("ar train", total, start, new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal,
                clock::get);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void afterAResumeTheEtaCountsOnlyTheStepsDoneSince() {
        Progress p = progress(1000, 500, false);
        clock.addAndGet(10 * SECOND);
        p.update(600, "loss 2.0");
        // 100 steps in 10 s, 400 left: 40 s (counting from step 0 it would say 10 s × 400 / 600 = 6 s)
        assertTrue(output().contains("ar train 600/1000 (60%) loss 2.0 eta 0m40s"), output());
    }

    @Test
    void aFreshRunCountsFromZero() {
        Progress p = progress(1000, 0, false);
        clock.addAndGet(10 * SECOND);
        p.update(250, "");
        assertTrue(output().contains("eta 0m30s"), output());
    }

    @Test
    void theEtaIsUnknownUntilAUnitIsDone() {
        assertEquals("?", progress(1000, 500, false).eta(500, 3.0));
        assertEquals("1h00m", progress(7200, 0, false).eta(3600, 3600.0));
    }

    @Test
    void withoutATerminalItWritesPlainLinesAtMostEveryFewSeconds() {
        Progress p = progress(100, 0, false);
        for (int step = 1; step <= 100; step++) {
            clock.addAndGet(SECOND / 2); // 50 s in all: a line every 5 s, and the last one
            p.update(step, "");
        }
        String out = output();
        assertFalse(out.contains("\r"), "no carriage return in a log file");
        long lines = out.lines().count();
        assertTrue(lines >= 10 && lines <= 12, lines + " lines:\n" + out);
        assertTrue(out.lines().allMatch(l -> l.startsWith("ar train ")), out);
        assertTrue(out.endsWith("ar train 100/100 (100%)  eta 0m00s\n"), out);
    }

    @Test
    void onATerminalItRedrawsOneBar() {
        Progress p = progress(10, 0, true);
        for (int step = 1; step <= 10; step++) {
            clock.addAndGet(SECOND);
            p.update(step, "");
        }
        String out = output();
        assertEquals(10, out.chars().filter(c -> c == '\r').count(), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one line, ended when finished: " + out);
        assertTrue(out.endsWith("[########################] 10/10  eta 0m00s   \n"), out);
    }
}
