package dev.paradigm.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Python environment paradigm embeds: its interpreter and where Jep's native library lives.
 *
 * <p>Found, in order, from the {@code --python} option, the {@code PARADIGM_PYTHON} environment variable
 * (or the {@code paradigm.python} system property, which the test build sets), then {@code .venv} in the
 * working directory. The environment's own python is asked (as a subprocess, before the JVM loads any
 * native code) where {@code jep} is installed and which version it is, because loading a libjep that
 * does not match the jar crashes or misbehaves without a word.
 *
 * @param python        the environment's python executable (becomes the embedded interpreter's program name,
 *                      which makes the venv's site-packages visible and {@code sys.executable} right)
 * @param pythonVersion e.g. {@code 3.11.7}
 * @param prefix        {@code sys.prefix} of the environment
 * @param jepLibrary    the native library to load
 * @param jepVersion    the version of the installed jep Python package
 * @param numpyVersion  installed numpy, or {@code null} when missing
 */
public record PythonEnvironment(
        Path python, String pythonVersion, Path prefix, Path jepLibrary, String jepVersion, String numpyVersion) {

    public static final String FIX_HINT = "Run `make setup` in the paradigm checkout to build the environment.";

    private static final String PROBE = String.join("\n",
            "import importlib.util, json, os, sys",
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
            "np = importlib.util.find_spec('numpy')",
            "if np is not None:",
            "    from importlib.metadata import version",
            "    out['numpy_version'] = version('numpy')",
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
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", PROBE).redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new PythonEnvironmentException("The Python at " + python + " failed to start:\n" + output.strip()
                        + "\n" + FIX_HINT);
            }
        } catch (IOException e) {
            throw new PythonEnvironmentException("Could not run the Python at " + python + ": " + e.getMessage() + ". "
                    + FIX_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PythonEnvironmentException("Interrupted while probing " + python, e);
        }
        JsonNode info;
        try {
            String lastLine = output.strip().lines().reduce((a, b) -> b).orElse("");
            info = new ObjectMapper().readTree(lastLine);
        } catch (IOException e) {
            throw new PythonEnvironmentException("The Python at " + python + " printed something unexpected while being "
                    + "probed:\n" + output, e);
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
                info.hasNonNull("numpy_version") ? info.get("numpy_version").asText() : null);
    }

    /** Throws when the installed jep is not the release the jar was built against. */
    public void requireJepVersion(String jarJepVersion) {
        if (!jarJepVersion.equals(jepVersion)) {
            throw new PythonEnvironmentException("Jep version mismatch: the paradigm jar was built with Jep " + jarJepVersion
                    + " but the Python environment at " + prefix + " has jep " + jepVersion
                    + ". Jep does not check this itself and a mismatch crashes or misbehaves. " + FIX_HINT
                    + " (python/requirements.txt and pom.xml pin the same version).");
        }
        if (numpyVersion == null) {
            throw new PythonEnvironmentException("numpy is not installed in the Python environment at " + prefix + ". " + FIX_HINT);
        }
    }
}
