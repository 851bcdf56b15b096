package dev.paradigm.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code paradigm} as a separate JVM ({@code java -cp <test class path> dev.paradigm.cli.Main …}), for what one
 * process cannot do to itself: be killed, or receive a signal. Output goes to a file, read once it ends.
 */
public final class ParadigmProcess {
    private final Process process;
    private final Path output;

    private ParadigmProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code paradigm args…} with this test JVM's class path and Python environment. */
    public static ParadigmProcess start(Path output, String... args) throws IOException {
        return start(output, Map.of(), args);
    }

    /** As {@link #start(Path, String...)}, with {@code environment} added to this JVM's. */
    public static ParadigmProcess start(Path output, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss8m", "-cp", classPath(), "dev.paradigm.cli.Main"));
        command.addAll(List.of(args));
        command.add("--python");
        command.add(System.getProperty("paradigm.python"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new ParadigmProcess(builder.start(), output);
    }

    /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL to the process and what it started (a browser rendering the report), as a shell sends it to a job: no
     * handler runs, nothing is flushed.
     */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGINT, as Ctrl-C sends it. */
    public void interrupt() throws IOException, InterruptedException {
        signal("INT");
    }

    /** Sends the signal {@code name} (INT, TERM, USR1, …), as {@code kill -NAME pid} does. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
        }
    }

    /** Waits for the exit code (fails after {@code seconds}). */
    public int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("paradigm did not end within " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Runs {@code paradigm args…} to its end and returns the exit code; the output is in {@code output}. */
    public static int run(Path output, String... args) throws IOException, InterruptedException {
        return start(output, args).waitFor(300);
    }
}
