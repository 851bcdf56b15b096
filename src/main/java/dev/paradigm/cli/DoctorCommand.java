package dev.paradigm.cli;

import dev.paradigm.report.BrowserCheck;
import dev.paradigm.runtime.BuildInfo;
import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonEnvironment;
import dev.paradigm.runtime.PythonEnvironmentException;
import dev.paradigm.runtime.PythonException;
import dev.paradigm.runtime.PythonRuntime;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Checks that Java, the Python environment, Jep, numpy and torch work together, and says how to fix what does not.
 * A missing browser is a warning, not a problem: it only renders the report's screenshot.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the Java and Python set-up: versions, paths, torch device, Jep (jar and native), browser.")
final class DoctorCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BuildInfo build = BuildInfo.load();
        List<String> problems = new ArrayList<>();
        out.printf("paradigm      %s%n", build.version());
        out.printf("java          %s (%s) at %s%n", System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.home"));
        out.printf("jep (jar)     %s%n", build.jepVersion());
        String browserWarning = browser(out);
        PythonEnvironment env;
        try {
            env = PythonEnvironment.locate(common.python);
        } catch (PythonEnvironmentException e) {
            out.printf("python        MISSING — %s%n", e.getMessage());
            out.println("verdict: NOT READY — the Python environment is missing. Fix: make setup");
            return ExitCodes.ENVIRONMENT;
        }
        out.printf("python        %s at %s%n", env.pythonVersion(), env.python());
        out.printf("jep (native)  %s at %s%n", env.jepVersion(), env.jepLibrary());
        out.printf("numpy         %s%n", env.numpyVersion() == null ? "MISSING" : env.numpyVersion());
        out.printf("torch (pkg)   %s%n", env.torchVersion() == null ? "MISSING" : env.torchVersion());
        out.printf("paradigm (py) %s%n", env.paradigmVersion() == null ? "MISSING" : env.paradigmVersion());
        try {
            PythonRuntime python = PythonRuntime.start(env);
            String report = (String) python.invoke(PythonApi.DOCTOR_REPORT);
            out.println(report.strip());
        } catch (PythonEnvironmentException e) {
            problems.add(e.getMessage());
        } catch (PythonException e) {
            problems.add("Python failed while checking torch: " + e.getMessage() + " — " + PythonEnvironment.FIX_HINT);
        }
        if (browserWarning != null) {
            out.println("warning: " + browserWarning);
        }
        if (problems.isEmpty()) {
            out.println("verdict: READY — Java, Python, Jep, numpy and torch work together.");
            return ExitCodes.OK;
        }
        problems.forEach(p -> out.println("problem: " + p));
        out.println("verdict: NOT READY — see the problems above. Fix: make setup");
        return ExitCodes.ENVIRONMENT;
    }

    /** Prints the browser line; returns the warning to show before the verdict, or null when Chromium runs. */
    private static String browser(PrintWriter out) {
        Optional<Path> chromium = BrowserCheck.find();
        if (chromium.isEmpty()) {
            out.println("browser       MISSING (only report.png needs it)");
            return BrowserCheck.missing();
        }
        try {
            out.printf("browser       %s at %s%n", BrowserCheck.version(chromium.get()), chromium.get());
            return null;
        } catch (RuntimeException e) {
            out.printf("browser       BROKEN at %s%n", chromium.get());
            return "Chromium at " + chromium.get() + " does not start, so there is no report.png: " + e.getMessage();
        }
    }
}
