package dev.paradigm.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Python environment paradigm embeds: its interpreter, where Jep's native library lives, and the versions of the
 * packages every stage needs.
 *
 * <p>Found, in order, from the {@code --python} option, the {@code PARADIGM_PYTHON} environment variable
 * (or the {@code paradigm.python} system property, which the test build sets), then {@code .venv} in the
 * working directory. The environment's own python is asked (as a subprocess, before the JVM loads any
 * native code, and without importing anything heavy) where {@code jep} is installed and which versions of jep,
 * numpy, torch and the {@code paradigm} package it has, because loading a libjep that does not match the jar
 * crashes or misbehaves without a word, and a missing package would otherwise fail halfway through a stage.
 *
 * @param python          the environment's python executable (becomes the embedded interpreter's program name,
 *                        which makes the venv's site-packages visible and {@code sys.executable} right)
 * @param pythonVersion   e.g. {@code 3.11.7}
 * @param prefix          {@code sys.prefix} of the environment
 * @param jepLibrary      the native library to load
 * @param jepVersion      the version of the installed jep Python package
 * @param numpyVersion    installed numpy, or {@code null} when missing
 * @param torchVersion    installed torch, or {@code null} when missing
 * @param paradigmVersion the {@code __version__} of the paradigm package Python would import, or {@code null}
 *                        when it is not importable
 */
public record PythonEnvironment(Path python, String pythonVersion, Path prefix, Path jepLibrary, String jepVersion,
        String numpyVersion, String torchVersion, String paradigmVersion) {

    public static final String FIX_HINT = "Run `make setup` in the paradigm checkout to build the environment.";

    /** Run from standard input ({@code python -}), so that a program that is not Python never echoes it back. */
    private static final String PROBE = String.join("\n",
            "import importlib.util, json, os, re, sys",
            "from importlib.metadata import version",
            "out = {'python': sys.executable, 'version': sys.version.split()[0], 'prefix': sys.prefix}",
            "spec = importlib.util.find_spec('jep')",
            "if spec is not None and spec.submodule_search_locations:",
            "    d = list(spec.submodule_search_locations)[0]",
            "    out['jep_dir'] = d",
            "    ns = {}",
            "    exec(open(os.path.join(d, 'version.py')).read(), ns)",
            "    out['jep_version'] = ns.get('__VERSION__')",
            "    libs = [f for f in os.listdir(d) if f.startswith('libjep') or (f.startswith('jep') and f.endswith(('.so', '.dylib', '.pyd', '.dll')))]",
            "    out['jep_libs'] = sorted(libs, key=lambda f: not f.startswith('libjep'))",
            "for name in ('numpy', 'torch'):",
            "    if importlib.util.find_spec(name) is not None:",
            "        out[name + '_version'] = version(name)",
            "spec = importlib.util.find_spec('paradigm')",
            "if spec is not None and spec.origin and os.path.isfile(spec.origin):",
            "    m = re.search(r'^__version__\\s*=\\s*(.)(.+?)\\1', open(spec.origin).read(), re.M)",
            "    out['paradigm_version'] = m.group(2) if m else 'unknown'",
            "print(json.dumps(out))");

    /** Finds the environment as described on the class and probes it. */
    public static PythonEnvironment locate(String pythonOption) {
        return probe(choosePython(pythonOption));
    }

    static Path choosePython(String pythonOption) {
        if (pythonOption != null && !pythonOption.isBlank()) {
            return resolveInterpreter(Path.of(pythonOption), "--python " + pythonOption);
        }
        String fromEnv = System.getenv("PARADIGM_PYTHON");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return resolveInterpreter(Path.of(fromEnv), "PARADIGM_PYTHON=" + fromEnv);
        }
        String fromProperty = System.getProperty("paradigm.python");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return resolveInterpreter(Path.of(fromProperty), "-Dparadigm.python=" + fromProperty);
        }
        Path venv = Path.of(".venv").toAbsolutePath();
        if (Files.isDirectory(venv)) {
            return resolveInterpreter(venv, ".venv in " + venv.getParent());
        }
        throw new PythonEnvironmentException("No Python environment found: no --python option, no PARADIGM_PYTHON "
                + "variable and no .venv folder in " + venv.getParent() + ". " + FIX_HINT
                + " Then run paradigm from that checkout, or pass --python /path/to/.venv/bin/python.");
    }

    /** Accepts a python executable or an environment folder (then uses its bin/python). */
    private static Path resolveInterpreter(Path given, String origin) {
        Path candidate = Files.isDirectory(given) ? given.resolve("bin").resolve("python") : given;
        if (!Files.isExecutable(candidate)) {
            throw new PythonEnvironmentException("The Python environment from " + origin + " has no executable python at "
                    + candidate.toAbsolutePath() + ". " + FIX_HINT);
        }
        return candidate.toAbsolutePath();
    }

    static PythonEnvironment probe(Path python) {
        String output;
        int status;
        try {
            Process process = new ProcessBuilder(python.toString(), "-").redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(PROBE.getBytes(StandardCharsets.UTF_8));
            } catch (IOException exitedEarly) {
                // a program that is not Python may not read its input at all; its exit status says the rest
            }
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PythonEnvironmentException("The Python at " + python + " did not answer within 60 s. " + FIX_HINT);
            }
            status = process.exitValue();
        } catch (IOException e) {
            throw new PythonEnvironmentException("Could not run the Python at " + python + ": " + e.getMessage() + ". "
                    + FIX_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PythonEnvironmentException("Interrupted while probing " + python, e);
        }
        if (status != 0) {
            throw new PythonEnvironmentException("The Python at " + python + " failed to start (exit status " + status
                    + "; it was asked to run a short script from its standard input):\n" + lastLines(output)
                    + "\n--python and PARADIGM_PYTHON name a Python environment's folder or its bin/python. " + FIX_HINT);
        }
        JsonNode info;
        try {
            String lastLine = output.strip().lines().reduce((a, b) -> b).orElse("");
            info = new ObjectMapper().readTree(lastLine);
            if (info == null || !info.isObject()) {
                throw new IOException("not a JSON object");
            }
        } catch (IOException e) {
            String printed = output.contains(PROBE.lines().findFirst().orElseThrow()) ? " printed the script back instead of "
                    + "running it" : " printed:\n" + lastLines(output);
            throw new PythonEnvironmentException("The program at " + python + " is not a Python interpreter that paradigm "
                    + "can use: asked to run a short script from its standard input, it" + printed + "."
                    + "\n--python and PARADIGM_PYTHON name a Python environment's folder or its bin/python. " + FIX_HINT, e);
        }
        if (!info.hasNonNull("jep_dir") || info.path("jep_libs").isEmpty()) {
            throw new PythonEnvironmentException("The Python environment at " + info.path("prefix").asText()
                    + " has no jep installed (or jep was installed without its native library). " + FIX_HINT);
        }
        Path jepDir = Path.of(info.get("jep_dir").asText());
        return new PythonEnvironment(
                python,
                info.path("version").asText(),
                Path.of(info.path("prefix").asText()),
                jepDir.resolve(info.get("jep_libs").get(0).asText()),
                info.path("jep_version").asText(null),
                textOrNull(info, "numpy_version"),
                textOrNull(info, "torch_version"),
                textOrNull(info, "paradigm_version"));
    }

    private static String textOrNull(JsonNode info, String field) {
        return info.hasNonNull(field) ? info.get(field).asText() : null;
    }

    /** The end of a program's output, indented, short enough to read in an error message. */
    private static String lastLines(String output) {
        List<String> lines = output.strip().lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
        String text = tail.stream().map(l -> "  " + (l.length() > 300 ? l.substring(0, 300) + " …" : l))
                .collect(Collectors.joining("\n"));
        return text.isBlank() ? "  (nothing)" : text;
    }

    /**
     * Throws, naming the fix, unless this environment can run every stage: jep of the jar's release, numpy, torch, and
     * the paradigm package of the jar's version (a checkout's Java and Python halves must come from the same commit).
     */
    public void requireUsable(BuildInfo build) {
        if (!build.jepVersion().equals(jepVersion)) {
            throw new PythonEnvironmentException("Jep version mismatch: the paradigm jar was built with Jep " + build.jepVersion()
                    + " but the Python environment at " + prefix + " has jep " + jepVersion
                    + ". Jep does not check this itself and a mismatch crashes or misbehaves. " + FIX_HINT
                    + " (python/requirements.txt and pom.xml pin the same version).");
        }
        for (String[] needed : new String[][] {{"numpy", numpyVersion}, {"torch", torchVersion}}) {
            if (needed[1] == null) {
                throw new PythonEnvironmentException(needed[0] + " is not installed in the Python environment at " + prefix
                        + ". " + FIX_HINT);
            }
        }
        if (paradigmVersion == null) {
            throw new PythonEnvironmentException("The Python environment at " + prefix + " cannot import the paradigm "
                    + "package (python/paradigm of the checkout). " + FIX_HINT);
        }
        if (!paradigmVersion.equals(build.version())) {
            throw new PythonEnvironmentException("Version mismatch: the paradigm jar is " + build.version() + " but the "
                    + "paradigm Python package that " + python + " imports is " + paradigmVersion + "; both halves must "
                    + "come from the same checkout. " + FIX_HINT);
        }
    }
}
