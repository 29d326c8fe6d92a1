package io.express4j;

/**
 * A morgan token, {@code morgan.token(name, fn)}: its value for a request, logged where the format says
 * {@code :name} or {@code :name[arg]} ({@code arg} null without brackets). Null or an empty string logs {@code -}.
 * Register one with {@link Express#morganToken(String, MorganToken)}.
 */
@FunctionalInterface
public interface MorganToken {
    String value(Request req, Response res, String arg);
}
