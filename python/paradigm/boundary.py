"""What every Java-facing entry point goes through.

Jep turns an uncaught Python exception into a JepException whose message has the type and text but
no traceback, and a ``SystemExit`` raised inside the embedded interpreter ends the whole JVM without a
trace. ``java_entry`` catches everything (BaseException) and re-raises one ``PythonError`` whose
message carries the original type, message and formatted traceback, so Java can show all three.
"""

import functools
import traceback


class PythonError(RuntimeError):
    """The only exception type that crosses into Java."""


def format_error(exc: BaseException) -> str:
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return f"{type(exc).__name__}: {exc}\n{tb}"


def java_entry(fn):
    """Decorator for functions and methods that Java calls."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PythonError:
            raise
        except BaseException as exc:  # noqa: B902 — SystemExit/KeyboardInterrupt must not reach the JVM
            raise PythonError(format_error(exc)) from None

    return wrapper
