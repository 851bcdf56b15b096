package dev.paradigm.run;

import java.io.IOException;

/**
 * A second process for {@link RunLockTest}: {@code hold <folder> [description]} takes the lock, prints {@code LOCKED},
 * and keeps it until its standard input closes; {@code try <folder>} prints {@code LOCKED} or
 * {@code REFUSED <message>} and exits. The description stands for the holder's command line.
 */
public final class RunLockProbe {
    private RunLockProbe() {}

    @SuppressWarnings("try") // the lock is held by being open
    public static void main(String[] args) throws IOException {
        java.nio.file.Path folder = java.nio.file.Path.of(args[1]);
        if (args.length > 2) {
            RunLock.describeHolderAs(args[2]);
        }
        try (RunLock lock = RunLock.acquire(folder)) {
            System.out.println("LOCKED");
            System.out.flush();
            if (args[0].equals("hold")) {
                while (System.in.read() >= 0) {
                    // wait for the parent to close our input
                }
            }
        } catch (RunLockedException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
    }
}
