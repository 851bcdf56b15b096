package dev.paradigm.report;

import dev.paradigm.run.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens a report page in real headless Chromium: once to read the DOM after load and the console log,
 * once to take a screenshot. Each run gets a fresh profile folder and no network features, so the check
 * proves the page renders offline. The report has no scripts, so any console message is a defect.
 */
public final class BrowserCheck {

    /** What the browser saw: the DOM after load and every console message (empty for a clean page). */
    public record Result(String dom, List<String> consoleMessages) {
        public Result {
            consoleMessages = List.copyOf(consoleMessages);
        }

        /** How many {@code <svg} elements the loaded page holds. */
        public int svgCount() {
            return (int) Pattern.compile("<svg\\b").matcher(dom).results().count();
        }
    }

    /** Override of the browser's location (a system property or an environment variable). */
    public static final String PROPERTY = "paradigm.chromium";
    public static final String ENVIRONMENT = "PARADIGM_CHROMIUM";
    static final String DEFAULT_PATH = "/usr/bin/chromium";
    private static final long TIMEOUT_S = 90;
    // Chromium 156 logs every console call as `INFO:CONSOLE:<line>] "message", source: <url> (<line>)`;
    // older builds wrote `INFO:CONSOLE(<line>)]`. Severity is not in the line, so every message counts.
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE(?::\\d+|\\(\\d+\\))?\\]\\s*(.*)$");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars");

    private BrowserCheck() {}

    /**
     * The Chromium executable: the configured one when {@value #PROPERTY} or {@value #ENVIRONMENT} is set (and then
     * only that one, so a wrong setting is reported rather than passed over), else {@value #DEFAULT_PATH} or the first
     * {@code chromium} on PATH; empty when there is none.
     */
    public static Optional<Path> find() {
        String configured = configured();
        if (configured != null) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(DEFAULT_PATH));
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
                candidates.add(Path.of(dir, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The Chromium executable, or an error that says how to install it. */
    public static Path chromium() {
        return find().orElseThrow(() -> new IllegalStateException(missing()));
    }

    /** Why no browser was found and how to get one. */
    public static String missing() {
        String configured = configured();
        String where = configured != null
                ? "at " + configured + " (set by " + PROPERTY + " or " + ENVIRONMENT + ")"
                : "at " + DEFAULT_PATH + " or on PATH";
        return "Headless Chromium renders the report's screenshot (report.png) but was not found " + where
                + ". Install it with `make browser` (on Debian/Ubuntu: apt-get install --no-install-recommends "
                + "chromium), or point -D" + PROPERTY + "=<path> at a Chromium executable.";
    }

    /** The first line of {@code chromium --version}, e.g. "Chromium 156.0.8078.114 built on Debian ..." */
    public static String version(Path chromium) {
        return run(chromium, List.of("--version")).stdout().lines().findFirst().orElse("").strip();
    }

    private static String configured() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        return configured == null || configured.isBlank() ? null : configured;
    }

    /** Loads the page, returns the DOM after load and the console messages. */
    public static Result check(Path html) {
        Invocation run = run(chromium(), List.of("--enable-logging=stderr", "--v=0", "--dump-dom", url(html)));
        List<String> console = new ArrayList<>();
        for (String line : run.stderr().split("\n")) {
            Matcher m = CONSOLE.matcher(line);
            if (m.find()) {
                console.add(m.group(1));
            }
        }
        return new Result(run.stdout(), console);
    }

    /** Renders the page at 1200×2400 and writes the PNG atomically to {@code png}. */
    public static Path screenshot(Path html, Path png) {
        Path dir = png.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // AtomicFiles' prefix, so the next command on the folder removes it if this one is killed; not
            // createTempFile, whose file is private (600) and would make report.png unreadable to others.
            temp = Files.createFile(dir.resolve(AtomicFiles.TEMPORARY_PREFIX + png.getFileName() + "-"
                    + AtomicFiles.randomSuffix() + ".png"));
            run(chromium(), List.of("--screenshot=" + temp, "--window-size=1200,2400", url(html)));
            if (Files.size(temp) == 0) {
                throw new IllegalStateException("Chromium exited without writing the screenshot of " + html + ".");
            }
            Files.move(temp, png, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the screenshot " + png + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private record Invocation(String stdout, String stderr) {}

    private static Invocation run(Path chromium, List<String> arguments) {
        Path work = null;
        try {
            work = Files.createTempDirectory("paradigm-chromium-");
            List<String> command = new ArrayList<>();
            command.add(chromium.toString());
            command.addAll(FLAGS);
            command.add("--user-data-dir=" + work.resolve("profile"));
            command.addAll(arguments);
            Path out = work.resolve("stdout.txt");
            Path err = work.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish within " + TIMEOUT_S + " s: " + command);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Chromium exited with status " + process.exitValue() + " for "
                        + command + ". Its last output:\n" + tail(stderr));
            }
            return new Invocation(Files.readString(out, StandardCharsets.UTF_8), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run Chromium: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Chromium.", e);
        } finally {
            deleteTree(work);
        }
    }

    private static String url(Path html) {
        return html.toAbsolutePath().normalize().toUri().toString();
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(BrowserCheck::deleteQuietly);
        } catch (IOException ignored) {
            // A leftover temporary profile is harmless; the check's result is what matters.
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // The original failure is the one worth reporting.
            }
        }
    }
}
