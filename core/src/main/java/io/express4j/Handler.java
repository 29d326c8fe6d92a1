package io.express4j;

/**
 * A final route handler, Express's {@code (req, res) => …}. It is usable wherever a {@link Middleware} is: as
 * middleware it simply never calls {@code next}.
 */
@FunctionalInterface
public interface Handler extends Middleware {
    void handle(Request req, Response res) throws Exception;

    @Override
    default void handle(Request req, Response res, Next next) throws Exception {
        handle(req, res);
    }
}
