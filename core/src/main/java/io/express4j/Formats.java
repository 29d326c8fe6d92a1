package io.express4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handlers for {@link Response#format(Formats)}, in the order they are registered — the object literal of
 * Express's {@code res.format({text: …, json: …, default: …})}, whose key order breaks ties between equally
 * acceptable types. Each {@code on} takes a key (a MIME type or an extension) and a handler of any arity:
 *
 * <pre>{@code
 * res.format(Formats.of()
 *         .on("text", () -> res.send("hey"))                        // what Express's docs write: function () { … }
 *         .on("json", (rq, rs) -> rs.json(Map.of("message", "hey")))
 *         .on("html", (rq, rs, next) -> next.run())
 *         .otherwise(() -> res.status(406).send("Not Acceptable")));
 * }</pre>
 *
 * Registering a key again replaces its handler and keeps its first place, as a repeated key in a JavaScript object
 * literal does. One whose handlers use only their own arguments (no captured {@code res}) may be built once, before
 * serving, and shared by every request.
 */
public final class Formats {
    /** A handler that needs neither request nor response (it uses the ones in scope), Express's {@code () => …}. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final Map<String, Middleware> handlers = new LinkedHashMap<>();

    private Formats() {}

    /** An empty, ordered set of handlers. */
    public static Formats of() {
        return new Formats();
    }

    public Formats on(String type, Action action) {
        return on(type, (Handler) (req, res) -> action.run());
    }

    public Formats on(String type, Handler handler) {
        return on(type, (Middleware) handler);
    }

    public Formats on(String type, Middleware handler) {
        if (type == null || handler == null) throw new IllegalArgumentException("type and handler are required");
        handlers.put(type, handler);
        return this;
    }

    /** Express's {@code default} key: runs when no type is acceptable, instead of the 406. */
    public Formats otherwise(Action action) {
        return on(ContentNegotiation.DEFAULT, action);
    }

    public Formats otherwise(Handler handler) {
        return on(ContentNegotiation.DEFAULT, handler);
    }

    public Formats otherwise(Middleware handler) {
        return on(ContentNegotiation.DEFAULT, handler);
    }

    /** The entries in registration order, {@code default} among them under that key. */
    Map<String, Middleware> handlers() {
        return Collections.unmodifiableMap(handlers);
    }
}
