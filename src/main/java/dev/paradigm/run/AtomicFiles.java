package dev.paradigm.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes that survive a crash: content goes to a temporary name in the same folder, is synced to
 * disk, and is renamed over the target in one atomic step; the folder is synced so the rename itself
 * is durable. Temporary names start with {@value #TEMPORARY_PREFIX} so leftovers are recognisable.
 */
public final class AtomicFiles {
    public static final String TEMPORARY_PREFIX = ".tmp-";

    private AtomicFiles() {}

    /** {@link #write} of UTF-8 text, creating the folder; an I/O failure is unchecked and names the file. */
    public static void writeString(Path target, String content) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code target} with {@code content} atomically. */
    public static void write(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = folder.resolve(TEMPORARY_PREFIX + target.getFileName() + "-" + randomSuffix());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncDirectory(folder);
    }

    /** Renames atomically (replacing an existing file); refuses where the file system cannot do it atomically. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + to.getParent() + " cannot rename " + from.getFileName()
                    + " atomically; keep the run folder on a local disk.", e);
        }
    }

    /** Flushes a file's content and metadata to disk. */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Flushes a folder's entries (new names, renames) to disk. Best effort: some platforms (Windows)
     * cannot open a folder for syncing, and there the rename is as durable as the OS makes it.
     */
    public static void syncDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported here; nothing more can be done portably.
        }
    }

    /** Deletes a file or a folder with everything in it; absent is fine. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public static String randomSuffix() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
