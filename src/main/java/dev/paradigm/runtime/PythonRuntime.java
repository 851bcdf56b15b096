package dev.paradigm.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jep.Interpreter;
import jep.JepConfig;
import jep.JepException;
import jep.MainInterpreter;
import jep.PyConfig;
import jep.SharedInterpreter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded CPython of this JVM and the thread that owns it.
 *
 * <p>Every Python call is submitted to a single dedicated thread that created the {@link SharedInterpreter}
 * and keeps it for the life of the JVM: Jep interpreters are bound to the thread that made them, and
 * closing one and opening another while torch is loaded deadlocks. A call made on that thread itself (from inside
 * another call's body) runs at once, in place: the trainer runs its whole step loop as one call, so its per-step
 * Python calls cost no hand-off between threads. Python's stdout and stderr are forwarded to Java's
 * {@code System.out} / {@code System.err} (whatever they are at the time of writing).
 */
public final class PythonRuntime {
    private static final Logger log = LoggerFactory.getLogger(PythonRuntime.class);
    private static PythonRuntime instance;

    /** Work done on the Python thread with the interpreter. */
    @FunctionalInterface
    public interface PythonCall<T> {
        T run(Interpreter python) throws JepException;
    }

    private final PythonEnvironment environment;
    private final ExecutorService thread;
    private volatile Thread pythonThread;
    private Interpreter interpreter;
    private volatile boolean shutDown;

    private PythonRuntime(PythonEnvironment environment) {
        this.environment = environment;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "python");
            t.setDaemon(true); // the JVM may exit without asking Python; shutdown() runs atexit first
            pythonThread = t;
            return t;
        });
    }

    /**
     * Starts the embedded interpreter (once per JVM) or returns the running one. A second call with a
     * different environment fails: a process cannot host two Pythons.
     */
    public static synchronized PythonRuntime start(PythonEnvironment environment) {
        environment.requireUsable(BuildInfo.load()); // what is wrong with the environment comes first
        if (instance != null) {
            if (!instance.environment.python().equals(environment.python())) {
                throw new PythonEnvironmentException("This JVM already embeds the Python at " + instance.environment.python()
                        + "; it cannot also load " + environment.python() + ".");
            }
            return instance;
        }
        PythonRuntime runtime = new PythonRuntime(environment);
        runtime.submit(python -> null, true);
        instance = runtime;
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::shutdown, "python-shutdown"));
        return runtime;
    }

    /** Runs {@link #shutdown} on the running runtime, if any (called before {@code System.exit}). */
    public static synchronized void shutdownIfStarted() {
        if (instance != null) {
            instance.shutdown();
        }
    }

    /** The running runtime, started from {@link PythonEnvironment#locate} with no option when none runs yet. */
    public static synchronized PythonRuntime shared() {
        return instance != null ? instance : start(PythonEnvironment.locate(null));
    }

    public PythonEnvironment environment() {
        return environment;
    }

    /**
     * Runs {@code body} on the Python thread and returns its result; Python errors become {@link PythonException}.
     * Called on the Python thread (from inside another call's body), it runs {@code body} at once, in place.
     */
    public <T> T call(PythonCall<T> body) {
        return submit(body, false);
    }

    /**
     * Calls one of the {@link PythonApi} functions (its module imported on first use), e.g.
     * {@code invoke(PythonApi.PREPARE, configJson, folder)}. Jep's own invoke resolves one attribute level only, so
     * the function is bound to a global name first.
     */
    public Object invoke(PythonApi.Function function, Object... args) {
        String alias = "__paradigm_" + function.module().replace('.', '_') + "__" + function.name();
        return call(python -> {
            python.exec("from " + function.module() + " import " + function.name() + " as " + alias);
            return python.invoke(alias, args);
        });
    }

    /** Evaluates a Python expression and converts the value to {@code type}. */
    public <T> T eval(String expression, Class<T> type) {
        return call(python -> python.getValue(expression, type));
    }

    /**
     * Executes Python statements in the interpreter's global namespace. The code runs inside a guard that
     * turns every exception, {@code SystemExit} included, into an ordinary error with its traceback: an
     * uncaught {@code SystemExit} inside Jep would end the JVM.
     */
    public void exec(String code) {
        call(python -> {
            python.set("__paradigm_code", code);
            python.exec("__paradigm_guarded_exec(__paradigm_code)");
            return null;
        });
    }

    private <T> T submit(PythonCall<T> body, boolean starting) {
        // Checked on every call, inline ones too: a loop running as one call stops at its next Python call once
        // shutdown() has begun, and the Python thread is free for the atexit handlers.
        if (shutDown) {
            throw new IllegalStateException("The Python runtime has been shut down.");
        }
        if (Thread.currentThread() == pythonThread) {
            try {
                return body.run(interpreter);
            } catch (JepException e) {
                throw PythonException.fromJep(e.getMessage());
            }
        }
        Future<T> future = thread.submit(() -> {
            if (interpreter == null) {
                interpreter = open();
            }
            return body.run(interpreter);
        });
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Python", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JepException jep) {
                throw PythonException.fromJep(jep.getMessage());
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                if (starting && error instanceof UnsatisfiedLinkError) {
                    throw new PythonEnvironmentException("Could not load Jep's native library " + environment.jepLibrary()
                            + ": " + error.getMessage() + ". " + PythonEnvironment.FIX_HINT, error);
                }
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Runs on the Python thread, once. */
    private Interpreter open() throws JepException {
        MainInterpreter.setJepLibraryPath(environment.jepLibrary().toString());
        MainInterpreter.setInitParams(PyConfig.python().setProgramName(environment.python().toString()));
        SharedInterpreter.setConfig(new JepConfig()
                .redirectStdout(new ForwardingStream(false))
                .redirectStdErr(new ForwardingStream(true)));
        Interpreter python = new SharedInterpreter();
        python.exec(String.join("\n",
                "import sys, traceback",
                "sys.argv = [sys.executable]",
                "class PythonError(RuntimeError):",
                "    pass",
                "def __paradigm_guarded_exec(code):",
                "    try:",
                "        exec(code, globals())",
                "    except BaseException as exc:",
                "        tb = ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))",
                "        raise PythonError(f'{type(exc).__name__}: {exc}\\n{tb}') from None"));
        String embeddedJep = python.getValue("__import__('jep').__version__", String.class);
        String jarJep = BuildInfo.load().jepVersion();
        if (!jarJep.equals(embeddedJep)) {
            throw new PythonEnvironmentException("Jep version mismatch after start-up: jar " + jarJep + ", native " + embeddedJep
                    + ". " + PythonEnvironment.FIX_HINT);
        }
        log.debug("Embedded Python {} from {}", environment.pythonVersion(), environment.python());
        return python;
    }

    /**
     * Runs Python's atexit handlers and flushes its streams. Embedded Python is never finalised by the
     * JVM, so without this, handlers registered by torch or tqdm never run. Safe to call more than once.
     */
    public void shutdown() {
        synchronized (this) {
            if (shutDown) {
                return;
            }
            shutDown = true;
        }
        Future<?> done = thread.submit(() -> {
            if (interpreter != null) {
                try {
                    interpreter.exec("import atexit, sys\natexit._run_exitfuncs()\nsys.stdout.flush()\nsys.stderr.flush()");
                } catch (JepException e) {
                    log.warn("Python shutdown handlers failed: {}", e.getMessage());
                }
            }
            return null;
        });
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Python did not shut down cleanly: {}", e.toString());
        }
    }

    /** Forwards Python's writes to the Java stream current at write time (tests may swap System.out). */
    private static final class ForwardingStream extends OutputStream {
        private final boolean err;

        ForwardingStream(boolean err) {
            this.err = err;
        }

        private OutputStream target() {
            return err ? System.err : System.out;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }
}
