package dev.paradigm.run;

import dev.paradigm.distributed.WorkerLauncher;
import dev.paradigm.engine.Paradigm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per run folder: every command that writes a run folder (compare, prepare, train, sample, evaluate,
 * report, bench) holds an operating-system lock on {@code <run>/.lock} while it works. The file holds the holder's
 * PID and command line, so that a refused command can say who writes the folder. The OS releases the lock when the
 * holder exits, even after a crash, so a leftover {@code .lock} file never blocks a run.
 *
 * <p>The holder is the only writer, so it also removes what writers killed earlier left behind: temporary files and
 * folders ({@code .tmp-*}, {@code .old-*}) in the run folder and its paradigm folders, each with a log line.
 *
 * <p>Workers started by a launcher ({@code --nproc-per-node}) write the folder under their launcher's lock: a
 * process whose {@link WorkerLauncher#LAUNCHER_PID} variable names the holder borrows the lock instead of being refused.
 *
 * <p>Within one JVM the held folders are also tracked in memory: POSIX drops every lock a process holds on a file as
 * soon as it closes any descriptor of that file, so a second attempt from the same JVM is refused before it opens the
 * file at all.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE_NAME = ".lock";

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    private static final List<String> LEFTOVER_PREFIXES = List.of(AtomicFiles.TEMPORARY_PREFIX, ".old-");
    private static volatile String command = ProcessHandle.current().info().commandLine().orElse("unknown command");

    private final Path file;
    private final FileChannel channel; // null for a borrowed lock
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** How this process describes itself in the lock file (the CLI sets its command line, e.g. "paradigm compare …"). */
    public static void describeHolderAs(String commandLine) {
        command = commandLine.replace('\n', ' ');
    }

    /**
     * Locks {@code run} (created if needed) for writing, then removes the leftovers of killed writers.
     *
     * @throws RunLockedException when another process, or this one, already holds it
     */
    public static RunLock acquire(RunFolder run) {
        RunLock lock = acquire(run.root());
        if (lock.channel != null) {
            removeLeftovers(run);
        }
        return lock;
    }

    /** Locks {@code folder} (created if needed) for writing. */
    public static RunLock acquire(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new RunFileException("The run folder " + folder + " is a file, not a folder. Give --run-dir a folder "
                    + "(a new one, or a run folder made before).");
        }
        Path file;
        try {
            Files.createDirectories(folder);
            file = folder.toRealPath().resolve(FILE_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the run folder " + folder + ": " + e.getMessage(), e);
        }
        long pid = ProcessHandle.current().pid();
        if (!HELD_IN_THIS_JVM.add(file)) {
            throw heldByThisProcess(folder, pid);
        }
        FileChannel channel = null;
        boolean locked = false;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String[] holder = readHolder(channel);
                if (holder[0].equals(System.getenv(WorkerLauncher.LAUNCHER_PID))) {
                    log.debug("Writing {} under the lock of the launcher (PID {}).", folder, holder[0]);
                    return new RunLock(file, null, null); // borrowed: closing it leaves the launcher's lock alone
                }
                throw new RunLockedException("The run folder " + folder + " is in use by another paradigm process (PID "
                        + holder[0] + ": " + holder[1] + "). Only one command at a time may write a run folder: wait "
                        + "for that one to finish, or stop it, then run this command again.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((pid + "\n" + command + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            locked = true;
            return new RunLock(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            throw heldByThisProcess(folder, pid);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the run folder " + folder + " through " + file + ": "
                    + e.getMessage(), e);
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
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release the lock " + file + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(file);
        }
    }

    /** Temporary files and folders that a killed stage left in the run folder or a paradigm folder. */
    private static void removeLeftovers(RunFolder run) {
        List<Path> folders = new ArrayList<>(List.of(run.root()));
        for (Paradigm p : Paradigm.values()) {
            folders.add(run.paradigm(p));
        }
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path leftover : entries.filter(RunLock::isLeftover).toList()) {
                    log.info("Removing {}: left behind by a command that did not finish.", leftover);
                    AtomicFiles.deleteRecursively(leftover);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not clean " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean isLeftover(Path path) {
        String name = path.getFileName().toString();
        return LEFTOVER_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static RunLockedException heldByThisProcess(Path folder, long pid) {
        return new RunLockedException("The run folder " + folder + " is already locked by this process (PID " + pid
                + "); a run folder can be opened for writing only once at a time. Close the first RunLock before taking another.");
    }

    /** The holder's PID and command line, as it wrote them ("unknown" for what it did not write yet). */
    private static String[] readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        channel.read(buffer, 0);
        String[] lines = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n", -1);
        String pid = lines[0].strip();
        String holderCommand = lines.length > 1 ? lines[1].strip() : "";
        return new String[] {pid.isEmpty() ? "unknown" : pid, holderCommand.isEmpty() ? "command unknown" : holderCommand};
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
