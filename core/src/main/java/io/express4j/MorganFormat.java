package io.express4j;

/**
 * A morgan format given as a function ({@code morgan(function (tokens, req, res) { … })}): the whole log line,
 * or null to log nothing for this request. {@code tokens} reads any token's value as the format strings do.
 */
@FunctionalInterface
public interface MorganFormat {
    String line(Tokens tokens, Request req, Response res);

    /** morgan's {@code tokens} object: {@code tokens.get("status", req, res)} is {@code tokens.status(req, res)}. */
    interface Tokens {
        /** The token's value, or null where morgan's is undefined (also for a token no one registered). */
        String get(String name, Request req, Response res, String arg);

        default String get(String name, Request req, Response res) {
            return get(name, req, res, null);
        }
    }
}
