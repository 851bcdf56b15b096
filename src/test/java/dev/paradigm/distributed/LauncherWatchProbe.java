package dev.paradigm.distributed;

/** A stand-in worker for {@link WorkerLauncherTest}: watches its launcher, prints READY, then waits to be ended. */
public final class LauncherWatchProbe {
    private LauncherWatchProbe() {}

    public static void main(String[] args) throws InterruptedException {
        WorkerLauncher.exitWithLauncher();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(60_000);
        System.exit(0); // not reached when the watch works: the test would see 0 instead of 1
    }
}
