package dev.paradigm.cli;

import dev.paradigm.runtime.BuildInfo;
import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonEnvironment;
import dev.paradigm.runtime.PythonEnvironmentException;
import dev.paradigm.runtime.PythonException;
import dev.paradigm.runtime.PythonRuntime;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Checks that Java, the Python environment, Jep, numpy and torch work together, and says how to fix what does not. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the Java and Python set-up: versions, paths, torch device, Jep (jar and native).")
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
        try {
            PythonRuntime python = PythonRuntime.start(env);
            String report = (String) python.invoke(PythonApi.DOCTOR_REPORT);
            out.println(report.strip());
        } catch (PythonEnvironmentException e) {
            problems.add(e.getMessage());
        } catch (PythonException e) {
            problems.add("Python failed while checking torch: " + e.getMessage() + " — " + PythonEnvironment.FIX_HINT);
        }
        if (problems.isEmpty()) {
            out.println("verdict: READY — Java, Python, Jep, numpy and torch work together.");
            return ExitCodes.OK;
        }
        problems.forEach(p -> out.println("problem: " + p));
        out.println("verdict: NOT READY — see the problems above. Fix: make setup");
        return ExitCodes.ENVIRONMENT;
    }
}
