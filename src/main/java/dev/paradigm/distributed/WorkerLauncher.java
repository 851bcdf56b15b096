package dev.paradigm.distributed;

import dev.paradigm.train.StopSignal;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Starts this node's workers of a distributed run — one JVM per local rank, each with its own embedded Python —
 * and waits for them, as torchrun does for Python scripts.
 *
 * <p>Each worker runs {@code dev.paradigm.cli.Main} with the given arguments on the same java executable and
 * class path as this JVM, with RANK, LOCAL_RANK, WORLD_SIZE, LOCAL_WORLD_SIZE, MASTER_ADDR and MASTER_PORT set
 * (and OMP_NUM_THREADS, unless set, to this machine's cores divided among the workers). Rank 0's output is
 * forwarded with a {@code [rank 0]} prefix; the others stay quiet, but their last lines are kept. The first
 * worker to exit with a non-zero code (other than a {@link StopSignal}'s: a clean stop with a checkpoint) takes the
 * others down and fails the launch with a {@link WorkerFailedException} naming its rank, exit code and last stderr
 * lines.
 *
 * <p>Stopping: Ctrl-C on a terminal reaches the workers itself (they share the terminal's process group); SIGTERM
 * and SIGUSR1 sent to the launcher alone (by a scheduler, or {@code kill}) are passed on to each worker as SIGTERM.
 * Either way the workers agree to stop at their next log point, write a checkpoint, and the launcher waits for them.
 */
public final class WorkerLauncher {
    private static final Logger log = LoggerFactory.getLogger(WorkerLauncher.class);
    private static final String MAIN_CLASS = "dev.paradigm.cli.Main";
    /** Tells a worker which process launched it, so that it ends when the launcher is killed outright. */
    public static final String LAUNCHER_PID = "PARADIGM_LAUNCHER_PID";

    private final LaunchPlan plan;
    private final List<String> arguments;
    private final PrintStream out;
    private final PrintStream err;
    private final List<Process> workers = new CopyOnWriteArrayList<>();
    private final AtomicReference<StopSignal> received = new AtomicReference<>();

    /**
     * @param plan      a {@link LaunchPlan#resolved() resolved} plan
     * @param arguments the worker's command line after the main class, e.g. {@code train --config … --paradigm ar}
     */
    public WorkerLauncher(LaunchPlan plan, List<String> arguments, PrintStream out, PrintStream err) {
        if (plan.masterAddr() == null || plan.masterPort() == 0) {
            throw new IllegalArgumentException("The launch plan must be resolved (address and port settled) first.");
        }
        this.plan = plan;
        this.arguments = List.copyOf(arguments);
        this.out = out;
        this.err = err;
    }

    /** The worker command line: java, this JVM's options, class path, main class, arguments. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions());
        command.add("-cp");
        command.add(classPath());
        command.add(MAIN_CLASS);
        command.addAll(arguments);
        return command;
    }

    /**
     * Starts the workers and waits for all of them.
     *
     * @return empty when every worker finished; the signal they stopped on (with a checkpoint written) otherwise: the
     *         one this launcher received, or else the first one a worker reports
     * @throws WorkerFailedException when a worker failed (the others have been stopped)
     */
    public Optional<StopSignal> run() {
        if (!workers.isEmpty()) {
            throw new IllegalStateException("This launcher has already run; make a new one.");
        }
        List<OutputPump> stderr = new ArrayList<>();
        List<OutputPump> stdout = new ArrayList<>();
        BlockingQueue<Integer> exited = new LinkedBlockingQueue<>();
        Thread killer = new Thread(() -> stopAll(workers), "stop-workers");
        Runtime.getRuntime().addShutdownHook(killer);
        Map<StopSignal, SignalHandler> previous = handleStopSignals(workers);
        try {
            for (int local = 0; local < plan.nprocPerNode(); local++) {
                WorldIdentity identity = plan.worker(local);
                ProcessBuilder builder = new ProcessBuilder(command());
                environment(builder.environment(), identity);
                Process process = builder.start();
                int index = local;
                String prefix = "[rank " + identity.rank() + "] ";
                boolean forward = identity.isMain();
                stdout.add(new OutputPump(process.getInputStream(), prefix, forward ? out : null));
                stderr.add(new OutputPump(process.getErrorStream(), prefix, forward ? err : null));
                process.getOutputStream().close();
                workers.add(process);
                process.onExit().thenRun(() -> exited.add(index));
            }
            log.info("Started {} worker(s) on this node: ranks {}..{} of {}, rendezvous {}:{}", plan.nprocPerNode(),
                    plan.worker(0).rank(), plan.worker(plan.nprocPerNode() - 1).rank(), plan.worldSize(),
                    plan.masterAddr(), plan.masterPort());
            Optional<StopSignal> stopped = Optional.empty();
            for (int remaining = workers.size(); remaining > 0; remaining--) {
                int index = exited.take();
                int code = workers.get(index).exitValue();
                Optional<StopSignal> stop = StopSignal.ofExitCode(code);
                if (stop.isPresent()) {
                    stopped = stopped.or(() -> stop);
                } else if (code != 0) {
                    stopAll(workers);
                    throw new WorkerFailedException(plan.worker(index).rank(), code, stderr.get(index).lastLines());
                }
            }
            stdout.forEach(OutputPump::awaitEnd);
            stderr.forEach(OutputPump::awaitEnd);
            return stopped.isEmpty() ? stopped : Optional.of(received.get() != null ? received.get() : stopped.get());
        } catch (java.io.IOException e) {
            stopAll(workers);
            throw new IllegalStateException("Could not start a worker process (" + command().get(0) + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll(workers);
            throw new IllegalStateException("Interrupted while waiting for the workers; they were stopped.", e);
        } finally {
            previous.forEach((signal, handler) -> Signal.handle(new Signal(signal.name()), handler));
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it stops the workers
            }
        }
    }

    /**
     * In a worker started by a launcher: ends this JVM (exit code 1) when the launcher process ends, so that a launcher
     * killed with SIGKILL — which runs no shutdown hook — leaves no orphaned workers behind.
     */
    public static void exitWithLauncher() {
        String pid = System.getenv(LAUNCHER_PID);
        if (pid == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresentOrElse(
                launcher -> launcher.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
                () -> Runtime.getRuntime().halt(1));
    }

    /** The workers started so far, in local-rank order (for monitoring tools and tests). */
    public List<ProcessHandle> workerProcesses() {
        return workers.stream().map(Process::toHandle).toList();
    }

    private void environment(Map<String, String> env, WorldIdentity identity) {
        env.put("RANK", String.valueOf(identity.rank()));
        env.put("LOCAL_RANK", String.valueOf(identity.localRank()));
        env.put("WORLD_SIZE", String.valueOf(identity.size()));
        env.put("LOCAL_WORLD_SIZE", String.valueOf(plan.nprocPerNode()));
        env.put("MASTER_ADDR", identity.masterAddr());
        env.put("MASTER_PORT", String.valueOf(identity.masterPort()));
        env.put(LAUNCHER_PID, String.valueOf(ProcessHandle.current().pid()));
        // As torchrun: N processes each with every core's worth of threads would oversubscribe the machine.
        env.putIfAbsent("OMP_NUM_THREADS",
                String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / plan.nprocPerNode())));
    }

    /** This JVM's memory, stack and system-property options (no debugger or agent: those would clash). */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean agent = arg.startsWith("-Xdebug") || arg.startsWith("-Xrunjdwp") || arg.startsWith("-agentlib")
                    || arg.startsWith("-javaagent") || arg.startsWith("-agentpath");
            if (!agent && (arg.startsWith("-X") || arg.startsWith("-D") || arg.startsWith("--enable-native-access")
                    || arg.startsWith("--add-opens") || arg.startsWith("--add-exports"))) {
                options.add(arg);
            }
        }
        // paradigm.* properties set by other means than the command line (e.g. a test runner) travel too.
        for (String name : System.getProperties().stringPropertyNames()) {
            String option = "-D" + name + "=" + System.getProperty(name);
            if (name.startsWith("paradigm.") && !options.contains(option)) {
                options.add(option);
            }
        }
        return options;
    }

    /** The jar this code was loaded from (the shaded paradigm.jar), or this JVM's class path when not a jar. */
    private static String classPath() {
        try {
            Path location = Path.of(WorkerLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location.toString() : System.getProperty("java.class.path");
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            return System.getProperty("java.class.path");
        }
    }

    /** Stops every live worker: SIGTERM, then SIGKILL after 10 seconds. */
    private static void stopAll(List<Process> workers) {
        List<Process> live = new ArrayList<>();
        for (Process p : workers) {
            if (p.isAlive()) {
                p.destroy();
                live.add(p);
            }
        }
        for (Process p : live) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * While the workers run: Ctrl-C on a terminal reaches every worker too (same process group), so the launcher only
     * waits for their checkpoint, and a second Ctrl-C stops them at once. SIGTERM and SIGUSR1 may have been sent to
     * the launcher alone, so it passes them on (as SIGTERM, the one signal Java sends; a worker ignores a repeat).
     */
    private Map<StopSignal, SignalHandler> handleStopSignals(List<Process> workers) {
        Map<StopSignal, SignalHandler> previous = new EnumMap<>(StopSignal.class);
        for (StopSignal stop : StopSignal.values()) {
            try {
                previous.put(stop, Signal.handle(new Signal(stop.name()), signal -> {
                    boolean first = received.compareAndSet(null, stop);
                    if (stop == StopSignal.INT) {
                        if (!first && received.get() == StopSignal.INT) {
                            stopAll(workers);
                            System.exit(stop.exitCode());
                        }
                    } else {
                        workers.stream().filter(Process::isAlive).forEach(Process::destroy);
                    }
                    if (first) {
                        err.println(stop.description() + " received: the workers write a checkpoint at their next log "
                                + "point, then stop" + (stop == StopSignal.INT ? " (Ctrl-C again to stop them at once)."
                                : "."));
                    }
                }));
            } catch (IllegalArgumentException unsupported) {
                // a signal this platform reserves keeps its default
            }
        }
        return previous;
    }
}
