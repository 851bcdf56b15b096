package dev.paradigm.config;

import java.util.List;

/**
 * A configuration that cannot be used: YAML that does not parse, an unknown key, a value of the wrong type or out of
 * range, or a {@code --set} that names no key. Every problem names its key path; when there are several, the message
 * lists them all, one a line, so the user can fix them in one go.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    /** One problem. */
    public ConfigException(String problem) {
        this(List.of(problem), null);
    }

    /** One problem with its cause (e.g. the YAML parser's error). */
    public ConfigException(String problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    /** Several problems found in {@code origin} (a file name, or a description such as "demo"). */
    public ConfigException(String origin, List<String> problems) {
        this(problems, null, origin);
    }

    private ConfigException(List<String> problems, Throwable cause) {
        this(problems, cause, null);
    }

    private ConfigException(List<String> problems, Throwable cause, String origin) {
        super(message(origin, problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String origin, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        String where = origin == null ? "" : " in " + origin;
        return "Found " + problems.size() + " configuration problems" + where + ":\n  - "
                + String.join("\n  - ", problems);
    }
}
