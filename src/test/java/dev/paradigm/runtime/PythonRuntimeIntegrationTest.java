package dev.paradigm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import jep.DirectNDArray;
import jep.NDArray;
import org.junit.jupiter.api.Test;

/** The embedded interpreter, driven through the runtime thread (needs the project's .venv; never skipped). */
class PythonRuntimeIntegrationTest {
    private final PythonRuntime python = PythonRuntime.shared();

    @Test
    void callReturnsAValue() {
        assertEquals(42L, python.eval("6 * 7", Long.class));
        assertEquals("python", python.call(p -> Thread.currentThread().getName()));
    }

    @Test
    void everyCallRunsOnTheSameDedicatedThread() throws Exception {
        long first = python.eval("__import__('threading').get_ident()", Long.class);
        Thread other = new Thread(() -> assertEquals(first, python.eval("__import__('threading').get_ident()", Long.class)));
        other.start();
        other.join();
    }

    @Test
    void aCallMadeOnThePythonThreadRunsInPlace() {
        // A loop run as one call (the trainer's) makes its Python calls from the Python thread itself: they run at
        // once on that thread, where a hand-off to the thread's own queue would wait for ever.
        long outer = python.eval("__import__('threading').get_ident()", Long.class);
        long[] inner = python.call(p -> {
            long[] ids = new long[3];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = python.eval("__import__('threading').get_ident()", Long.class);
            }
            return ids;
        });
        assertArrayEquals(new long[] {outer, outer, outer}, inner);
        PythonException e = assertThrows(PythonException.class,
                () -> python.call(p -> python.eval("{}['inner-key']", Object.class)));
        assertEquals("KeyError", e.pythonType(), "an error inside a nested call keeps its Python type");
        assertEquals(2L, python.eval("1 + 1", Long.class), "the runtime still works after it");
    }

    @Test
    void numpyArrayComesBackWithShapeAndValues() {
        NDArray<?> array = python.call(p -> {
            p.exec("import numpy as np\n_a = np.arange(6, dtype=np.int32).reshape(2, 3) * 10");
            return (NDArray<?>) p.getValue("_a");
        });
        assertArrayEquals(new int[] {2, 3}, array.getDimensions());
        assertArrayEquals(new int[] {0, 10, 20, 30, 40, 50}, (int[]) array.getData());
    }

    @Test
    void directBufferCrossesWithoutACopy() {
        IntBuffer buffer = ByteBuffer.allocateDirect(4 * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
        buffer.put(new int[] {1, 2, 3, 4});
        DirectNDArray<IntBuffer> view = new DirectNDArray<>(buffer, 2, 2);
        python.call(p -> {
            p.set("_view", view);
            // Python writes into the array it was given; Java must see the change in its own buffer.
            p.exec("_view[1, 1] = 99\n_view[0, 0] += 100");
            return null;
        });
        assertEquals(101, buffer.get(0));
        assertEquals(99, buffer.get(3));
        assertEquals(Boolean.TRUE, python.call(p -> p.getValue("not _view.flags['OWNDATA']", Boolean.class)),
                "numpy should view the Java buffer, not own a copy");
    }

    @Test
    void pythonExceptionBecomesJavaExceptionWithTraceback() {
        python.exec("def _explode():\n    raise ValueError('bad value 7')");
        PythonException e = assertThrows(PythonException.class, () -> python.exec("_explode()"));
        assertEquals("ValueError", e.pythonType());
        assertEquals("bad value 7", e.pythonMessage());
        assertTrue(e.pythonTraceback().contains("_explode"), e.pythonTraceback());
        assertTrue(e.pythonTraceback().contains("Traceback (most recent call last)"), e.pythonTraceback());
    }

    @Test
    void javaEntryPointsCarryTypeMessageAndTraceback() {
        PythonException e = assertThrows(PythonException.class, () -> python.call(p -> {
            p.exec("from paradigm.boundary import java_entry\n"
                    + "@java_entry\n"
                    + "def _entry(x):\n"
                    + "    return {}[x]\n");
            return p.invoke("_entry", "missing-key");
        }));
        assertEquals("KeyError", e.pythonType());
        assertTrue(e.pythonMessage().contains("missing-key"), e.pythonMessage());
        assertTrue(e.pythonTraceback().contains("in _entry"), e.pythonTraceback());
    }

    @Test
    void systemExitDoesNotEndTheJvm() {
        PythonException e = assertThrows(PythonException.class, () -> python.exec("import sys\nsys.exit(3)"));
        assertEquals("SystemExit", e.pythonType());
        PythonException viaEntry = assertThrows(PythonException.class, () -> python.call(p -> {
            p.exec("from paradigm.boundary import java_entry\n_quit = java_entry(lambda: exit(4))");
            return p.invoke("_quit");
        }));
        assertEquals("SystemExit", viaEntry.pythonType());
        assertEquals(2L, python.eval("1 + 1", Long.class), "the interpreter still works after SystemExit");
    }

    @Test
    void torchComputationRuns() {
        NDArray<?> result = python.call(p -> {
            p.exec("import torch\n"
                    + "_m = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64)\n"
                    + "_r = (_m @ _m).numpy()");
            return (NDArray<?>) p.getValue("_r");
        });
        assertArrayEquals(new double[] {7, 10, 15, 22}, (double[]) result.getData(), 0.0);
    }

    @Test
    void signalsStayWithTheJvm() {
        // None: SIGINT's handler was not installed by Python (the JVM's stays), so Ctrl-C reaches Java's handler
        // and training can write its checkpoint. Python replaces only a default (SIG_DFL) handler at start-up.
        assertEquals(Boolean.TRUE, python.eval("__import__('signal').getsignal(__import__('signal').SIGINT) is None",
                Boolean.class));
    }

    @Test
    void pythonOutputGoesToJavasStreams() {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true));
        try {
            python.exec("print('hello from python', flush=True)");
        } finally {
            System.setOut(original);
        }
        assertTrue(captured.toString().contains("hello from python"), captured.toString());
    }

    @Test
    void sysExecutableIsTheEnvironmentsPython() {
        String executable = python.eval("__import__('sys').executable", String.class);
        assertEquals(python.environment().python().toString(), executable);
    }
}
