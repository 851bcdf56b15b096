package dev.paradigm.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per run folder: an operating-system lock on {@code <run>/.lock}, which holds the PID of
 * the holder so that a refused process can say who holds it. The OS releases the lock when the holder
 * exits, even after a crash, so a leftover {@code .lock} file never blocks a run.
 *
 * <p>Within one JVM the held folders are also tracked in memory: POSIX drops every lock a process holds
 * on a file as soon as it closes any descriptor of that file, so a second attempt from the same JVM is
 * refused before it opens the file at all.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE_NAME = ".lock";

    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code runFolder} (created if needed) for writing.
     *
     * @throws RunLockedException when another process or this one already holds it
     */
    public static RunLock acquire(Path runFolder) {
        Path file;
        try {
            Files.createDirectories(runFolder);
            file = runFolder.toRealPath().resolve(FILE_NAME);
        } catch (IOException e) {
            throw new CheckpointException("Cannot create the run folder " + runFolder + " (" + e + ").", e);
        }
        long pid = ProcessHandle.current().pid();
        if (!HELD_IN_THIS_JVM.add(file)) {
            throw heldByThisProcess(runFolder, pid);
        }
        FileChannel channel = null;
        boolean locked = false;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new RunLockedException("The run folder " + runFolder + " is in use by another paradigm process (PID "
                        + readHolder(channel) + ", holding " + file + "). Only one process may write a run at a time: wait for"
                        + " that one to finish or stop it, then try again.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            locked = true;
            return new RunLock(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            throw heldByThisProcess(runFolder, pid);
        } catch (IOException e) {
            throw new CheckpointException("Cannot lock the run folder " + runFolder + " through " + file + " (" + e + ").", e);
        } finally {
            if (!locked) {
                closeQuietly(channel);
                HELD_IN_THIS_JVM.remove(file);
            }
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Releases the lock. The file stays (deleting it would let two processes lock two different files). */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } finally {
            channel.close();
            HELD_IN_THIS_JVM.remove(file);
        }
    }

    private static RunLockedException heldByThisProcess(Path runFolder, long pid) {
        return new RunLockedException("The run folder " + runFolder + " is already locked by this process (PID " + pid
                + "); a run folder can be opened for writing only once at a time. Close the first RunLock before taking another.");
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return text.isEmpty() ? "unknown" : text;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing; the original error is the one worth reporting.
            }
        }
    }
}
