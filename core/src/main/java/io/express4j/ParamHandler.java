package io.express4j;

/** An {@code app.param(name, fn)} callback: {@code (req, res, next, value, name)}. */
@FunctionalInterface
public interface ParamHandler {
    void handle(Request req, Response res, Next next, Object value, String name) throws Exception;
}
