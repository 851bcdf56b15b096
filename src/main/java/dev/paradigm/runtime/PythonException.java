package dev.paradigm.runtime;

/**
 * A Python exception that crossed into Java: the Python type name, its message and the formatted
 * traceback, whichever Python entry point raised it.
 */
public final class PythonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pythonType;
    private final String pythonMessage;
    private final String pythonTraceback;

    public PythonException(String pythonType, String pythonMessage, String pythonTraceback) {
        super(pythonType + ": " + pythonMessage);
        this.pythonType = pythonType;
        this.pythonMessage = pythonMessage;
        this.pythonTraceback = pythonTraceback;
    }

    /** The Python exception class name, e.g. {@code ValueError}. */
    public String pythonType() {
        return pythonType;
    }

    public String pythonMessage() {
        return pythonMessage;
    }

    /** The formatted Python traceback ("Traceback (most recent call last): ..."), or "" when unknown. */
    public String pythonTraceback() {
        return pythonTraceback;
    }

    /**
     * Parses the message of a {@link jep.JepException}. Jep formats it as {@code <class 'T'>: message}; our
     * entry points ({@code paradigm.boundary.java_entry}) raise {@code PythonError} whose message is
     * {@code "OriginalType: message\n<traceback>"}, which is unwrapped here.
     */
    static PythonException fromJep(String jepMessage) {
        String text = jepMessage == null ? "" : jepMessage;
        String type = "Exception";
        if (text.startsWith("<class '")) {
            int end = text.indexOf("'>");
            if (end > 0) {
                type = text.substring("<class '".length(), end);
                text = text.substring(end + 2).replaceFirst("^:\\s*", "");
            }
        }
        if (type.endsWith("PythonError")) {
            int newline = text.indexOf('\n');
            String head = newline < 0 ? text : text.substring(0, newline);
            String traceback = newline < 0 ? "" : text.substring(newline + 1).strip();
            int colon = head.indexOf(": ");
            if (colon > 0) {
                return new PythonException(head.substring(0, colon), head.substring(colon + 2), traceback);
            }
            return new PythonException(head.strip(), "", traceback);
        }
        int dot = type.lastIndexOf('.');
        String shortType = dot >= 0 && type.startsWith("builtins.") ? type.substring(dot + 1) : type;
        return new PythonException(shortType, text.strip(), "");
    }
}
