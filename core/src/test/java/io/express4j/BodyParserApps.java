package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.body.BodyParserError;
import io.express4j.support.RawResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * The apps of Express's body-parser tests ({@code test/express.json.js} and friends): the parser, an error handler
 * that answers {@code [type] message} (or the error property named by {@code X-Error-Property}), and
 * {@code POST /} echoing {@code req.body} as JSON ({@code {"buf": hex}} for raw bodies).
 */
final class BodyParserApps {
    private BodyParserApps() {}

    static App createApp(Middleware parser) {
        App app = Express.app();
        app.use(parser);
        app.use(BodyParserApps::renderError);
        app.post("/", BodyParserApps::echo);
        return app;
    }

    /** The context of Express's "async local storage" cases, set before the parser: here a ThreadLocal. */
    private static final ThreadLocal<Map<String, String>> STORE = new ThreadLocal<>();

    /**
     * The app of the "async local storage" cases: a context set before the parser must still be there after it,
     * in the next middleware and in the error handler, which both copy it to {@code x-store-foo}.
     */
    static App createStoreApp(Middleware parser) {
        App app = Express.app();
        app.use((req, res, next) -> {
            STORE.set(Map.of("foo", "bar"));
            next.run();
        });
        app.use(parser);
        app.use((req, res, next) -> {
            if (STORE.get() != null) res.setHeader("x-store-foo", STORE.get().get("foo"));
            next.run();
        });
        app.use((err, req, res, next) -> {
            if (STORE.get() != null) res.setHeader("x-store-foo", STORE.get().get("foo"));
            renderError(err, req, res, next);
        });
        app.post("/", BodyParserApps::echo);
        return app;
    }

    static void expectStore(RawResponse r, int status) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("x-store-foo")).isEqualTo("bar");
    }

    static void echo(Request req, Response res) {
        Object body = req.body();
        if (body instanceof byte[] bytes) res.json(Map.of("buf", HexFormat.of().formatHex(bytes)));
        else if (body == null) res.json();
        else res.json(body);
    }

    /** {@code res.status(err.status || 500); res.send(String(prop ? err[prop] : '[' + err.type + '] ' + err.message))}. */
    static void renderError(Throwable err, Request req, Response res, Next next) {
        res.status(err instanceof HttpError http ? http.status() : 500);
        String property = req.get("X-Error-Property");
        res.send(property == null ? "[" + type(err) + "] " + err.getMessage() : property(err, property));
    }

    /** {@code err.type}, printed as JavaScript prints an absent one. */
    static String type(Throwable err) {
        String type = err instanceof HttpError http ? http.type() : null;
        return type == null ? "undefined" : type;
    }

    private static String property(Throwable err, String name) {
        return switch (name) {
            case "body" -> {
                Object body = err instanceof BodyParserError e ? e.body() : null;
                yield body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(body);
            }
            case "stack" -> {
                StringWriter out = new StringWriter();
                err.printStackTrace(new PrintWriter(out));
                yield out.toString();
            }
            default -> "undefined";
        };
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static byte[] dots(int n) {
        return ".".repeat(n).getBytes(StandardCharsets.US_ASCII);
    }
}
