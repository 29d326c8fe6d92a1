package io.express4j.log;

import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Warnings and errors to a print stream ({@code WARN name - message}, then the stack trace), the rest dropped: the
 * fallback for an app without an SLF4J provider.
 */
final class StderrLogger extends LegacyAbstractLogger {
    private final transient PrintStream out;

    StderrLogger(String name, PrintStream out) {
        this.name = name;
        this.out = out;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        String line = level + " " + name + " - " + MessageFormatter.basicArrayFormat(messagePattern, arguments);
        // one print per event, so lines from concurrent requests do not interleave
        synchronized (out) {
            out.println(line);
            if (throwable != null) throwable.printStackTrace(out);
        }
    }
}
