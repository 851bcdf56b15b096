package dev.paradigm.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher's process plumbing that needs no Python (the training itself: DistributedTrainingTest). */
class WorkerLauncherTest {
    @Test
    void aWorkerEndsWhenItsLauncherIsKilledOutright() throws Exception {
        Process launcher = new ProcessBuilder("sleep", "60").start(); // stands in for a launcher killed with SIGKILL
        String classPath = System.getProperty("java.class.path"); // main, test and dependency classes
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath, LauncherWatchProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(WorkerLauncher.LAUNCHER_PID, String.valueOf(launcher.pid()));
        Process worker = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("READY", out.readLine());
            assertTrue(worker.isAlive(), "the worker must live while its launcher does");
            launcher.destroyForcibly();
            assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "the worker outlived its launcher");
            assertEquals(1, worker.exitValue());
        } finally {
            launcher.destroyForcibly();
            worker.destroyForcibly();
        }
    }

    @Test
    void theWorkerCommandRunsMainOnThisJavaWithTheArguments() {
        WorkerLauncher launcher = new WorkerLauncher(new LaunchPlan(2, 1, 0, null, 0).resolved(),
                List.of("train", "--paradigm", "ar"), System.out, System.err);
        List<String> command = launcher.command();
        assertEquals(ProcessHandle.current().info().command().orElseThrow(), command.get(0));
        assertEquals(List.of("dev.paradigm.cli.Main", "train", "--paradigm", "ar"), command.subList(command.size() - 4,
                command.size()));
        assertEquals(System.getProperty("java.class.path"), command.get(command.indexOf("-cp") + 1),
                "outside a jar, the workers get this JVM's class path");
        assertTrue(command.stream().anyMatch(a -> a.startsWith("-Dparadigm.python=")), command.toString());
    }
}
