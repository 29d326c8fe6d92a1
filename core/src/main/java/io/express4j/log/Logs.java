package io.express4j.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * express4j's loggers: SLF4J's, unless SLF4J found no provider on the class path. Then SLF4J would drop every
 * message, and an app's errors would be logged nowhere — where Express prints {@code err.stack} to standard error —
 * so warnings and errors go to {@link System#err} instead.
 */
public final class Logs {
    private static final boolean NO_PROVIDER = LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory;

    private Logs() {}

    public static Logger get(String name) {
        return NO_PROVIDER ? new StderrLogger(name, System.err) : LoggerFactory.getLogger(name);
    }

    public static Logger get(Class<?> type) {
        return get(type.getName());
    }
}
