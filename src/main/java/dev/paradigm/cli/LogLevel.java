package dev.paradigm.cli;

import org.slf4j.LoggerFactory;

/**
 * {@code -v}: paradigm's loggers at DEBUG rather than INFO, on the console and so in paradigm.log.
 *
 * <p>The backend is logback (logback.xml), but SLF4J has no call that sets a level, and logback stays a runtime
 * dependency so that the plain artifact a library user takes carries no binding (pom.xml). So the level is set by
 * name, through logback's {@code Logger.setLevel(Level)}; under another SLF4J binding that binding's own
 * configuration decides, and {@code -v} does nothing.
 */
final class LogLevel {
    private static final String LOGGER = "dev.paradigm";
    private static final String LOGBACK_LEVEL = "ch.qos.logback.classic.Level";

    private LogLevel() {}

    static void verbose(boolean on) {
        Object logger = LoggerFactory.getLogger(LOGGER);
        try {
            Class<?> level = Class.forName(LOGBACK_LEVEL, true, logger.getClass().getClassLoader());
            logger.getClass().getMethod("setLevel", level).invoke(logger, level.getField(on ? "DEBUG" : "INFO").get(null));
        } catch (ReflectiveOperationException | LinkageError notLogback) {
            // another binding (or none): its configuration decides the level
        }
    }
}
