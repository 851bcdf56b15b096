/**
 * The embedded CPython: finding the Python environment, loading Jep's native library, and running every
 * Python call on one dedicated thread.
 *
 * <p>Jep allows one main interpreter per process and NumPy and PyTorch misbehave in sub-interpreters, so
 * there is exactly one {@link jep.SharedInterpreter}, created on the thread of {@link dev.paradigm.runtime.PythonRuntime}
 * and never closed while the JVM lives (closing and reopening it with torch loaded deadlocks). Python
 * exceptions arrive as {@link dev.paradigm.runtime.PythonException}.
 */
package dev.paradigm.runtime;
