package dev.paradigm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PythonExceptionTest {
    @Test
    void unwrapsTheBoundaryErrorFormat() {
        PythonException e = PythonException.fromJep(
                "<class 'paradigm.boundary.PythonError'>: ValueError: model.n_head=5 does not divide 128\nTraceback (most recent call last):\n  File \"x.py\"");
        assertEquals("ValueError", e.pythonType());
        assertEquals("model.n_head=5 does not divide 128", e.pythonMessage());
        assertEquals("Traceback (most recent call last):\n  File \"x.py\"", e.pythonTraceback());
    }

    @Test
    void keepsAPlainJepMessage() {
        PythonException e = PythonException.fromJep("<class 'ZeroDivisionError'>: division by zero");
        assertEquals("ZeroDivisionError", e.pythonType());
        assertEquals("division by zero", e.pythonMessage());
        assertEquals("", e.pythonTraceback());
    }
}
