package dev.paradigm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path temp;

    @Test
    void aSecondLockInTheSameProcessIsRefusedUntilTheFirstCloses() throws IOException {
        Path run = temp.resolve("run");
        long pid = ProcessHandle.current().pid();
        try (RunLock first = RunLock.acquire(run)) {
            assertTrue(Files.readString(first.file()).startsWith(pid + "\n"), "the holder's PID, then its command");
            RunLockedException e = assertThrows(RunLockedException.class, () -> RunLock.acquire(run));
            assertTrue(e.getMessage().contains("already locked by this process (PID " + pid + ")"), e.getMessage());
            assertTrue(e.getMessage().contains(run.toString()), e.getMessage());
        }
        try (RunLock again = RunLock.acquire(run)) {
            assertTrue(Files.exists(again.file()));
        }
    }

    @Test
    @SuppressWarnings("try") // the lock is held by being open
    void anotherProcessIsRefusedNamingTheHolder() throws Exception {
        Path run = temp.resolve("run");
        long pid = ProcessHandle.current().pid();
        try (RunLock held = RunLock.acquire(run)) {
            // A refused attempt in this JVM must not drop the OS lock (POSIX drops it on any close of the file).
            assertThrows(RunLockedException.class, () -> RunLock.acquire(run));
            List<String> output = runProbe("try", run);
            assertEquals(1, output.size(), output.toString());
            assertTrue(output.get(0).startsWith("REFUSED "), output.get(0));
            assertTrue(output.get(0).contains("in use by another paradigm process (PID " + pid + ": "), output.get(0));
        }
        assertEquals(List.of("LOCKED"), runProbe("try", run));
    }

    @Test
    void aLockHeldByAnotherProcessIsReleasedWhenItEnds() throws Exception {
        Path run = temp.resolve("run");
        Process holder = probe("hold", run).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("LOCKED", out.readLine());
            RunLockedException e = assertThrows(RunLockedException.class, () -> RunLock.acquire(run));
            assertTrue(e.getMessage().contains("(PID " + holder.pid() + ": "), e.getMessage());
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "the holder process did not end");
        } finally {
            holder.destroy();
        }
        try (RunLock mine = RunLock.acquire(run)) {
            assertTrue(Files.readString(mine.file()).startsWith(ProcessHandle.current().pid() + "\n"));
        }
    }

    /** The holder is the only writer, so it removes what killed writers left: temporary files and folders. */
    @Test
    void theHolderRemovesWhatKilledCommandsLeftBehind() throws IOException {
        RunFolder run = new RunFolder(temp.resolve("run"));
        Path data = Files.createDirectories(run.root().resolve(".tmp-data-5f1e"));
        Files.writeString(data.resolve("train.bin"), "half a token file");
        Path old = Files.createDirectories(run.root().resolve(".old-data-123"));
        Path samples = Files.writeString(Files.createDirectories(run.paradigm(dev.paradigm.engine.Paradigm.AR))
                .resolve(".tmp-samples.jsonl-7a"), "{");
        Path kept = Files.writeString(run.root().resolve("config.yaml"), "# config-sha256: 0\n");
        try (RunLock lock = RunLock.acquire(run)) {
            assertFalse(Files.exists(data) || Files.exists(old) || Files.exists(samples), "leftovers removed");
            assertTrue(Files.exists(kept));
        }
    }

    private static List<String> runProbe(String mode, Path run) throws Exception {
        Process process = probe(mode, run).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the probe process did not end");
        return output.lines().toList();
    }

    private static ProcessBuilder probe(String mode, Path run) throws URISyntaxException {
        String classPath = String.join(File.pathSeparator, location(RunLock.class), location(RunLockProbe.class),
                location(org.slf4j.LoggerFactory.class), location(ch.qos.logback.classic.Logger.class),
                location(ch.qos.logback.core.Appender.class));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                RunLockProbe.class.getName(), mode, run.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
