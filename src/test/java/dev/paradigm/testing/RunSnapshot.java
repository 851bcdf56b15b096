package dev.paradigm.testing;

import dev.paradigm.data.Sha256;
import dev.paradigm.run.RunLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every file of a run folder with its modification time and SHA-256, to say what a command touched. Left out: the
 * logs (paradigm.log, logs/), which every command appends to, and the lock file, which every command that writes the
 * folder takes, whatever else it does.
 */
public record RunSnapshot(Path root, Map<String, FileState> files) {

    /** One file: when it was last written, and what it holds. */
    public record FileState(long modifiedNanos, String sha256) {}

    public static RunSnapshot of(Path root) {
        Map<String, FileState> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).filter(f -> !isLog(root, f))
                    .filter(f -> !f.getFileName().toString().equals(RunLock.FILE_NAME))::iterator) {
                long nanos = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
                files.put(root.relativize(file).toString(), new FileState(nanos, Sha256.ofFile(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunSnapshot(root, files);
    }

    private static boolean isLog(Path root, Path file) {
        Path relative = root.relativize(file);
        return relative.toString().equals("paradigm.log") || relative.startsWith("logs");
    }

    /** The files (relative paths) that are new, gone, or were rewritten (even with the same content) since {@code before}. */
    public SortedSet<String> rewrittenSince(RunSnapshot before) {
        SortedSet<String> changed = new TreeSet<>();
        for (var e : files.entrySet()) {
            if (!e.getValue().equals(before.files.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String gone : before.files.keySet()) {
            if (!files.containsKey(gone)) {
                changed.add(gone);
            }
        }
        return changed;
    }

    /** The files whose content differs from {@code before} (new and gone ones included). */
    public SortedSet<String> contentChangedSince(RunSnapshot before) {
        SortedSet<String> changed = new TreeSet<>();
        for (var e : files.entrySet()) {
            FileState old = before.files.get(e.getKey());
            if (old == null || !old.sha256().equals(e.getValue().sha256())) {
                changed.add(e.getKey());
            }
        }
        for (String gone : before.files.keySet()) {
            if (!files.containsKey(gone)) {
                changed.add(gone);
            }
        }
        return changed;
    }
}
