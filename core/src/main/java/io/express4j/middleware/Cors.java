package io.express4j.middleware;

import io.express4j.CorsOptions;
import io.express4j.CorsOriginCallback;
import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * cors 2.8: sets the CORS response headers and answers preflight ({@code OPTIONS}) requests itself. The headers
 * go out in cors's order, and {@code Vary} is appended (never replaced) exactly where cors appends it.
 */
public final class Cors implements Middleware {
    private final Function<Request, CorsOptions> options;

    /** {@code options} is asked per request (cors's options delegate); a null answer means the defaults. */
    public Cors(Function<Request, CorsOptions> options) {
        this.options = options;
    }

    @Override
    public void handle(Request req, Response res, Next next) throws Exception {
        CorsOptions o = options.apply(req);
        if (o == null) o = new CorsOptions();
        String requestOrigin = req.get("Origin");
        Object origin = o.origin();
        if (origin instanceof CorsOriginCallback callback) origin = callback.allow(requestOrigin);
        if (origin == null || Boolean.FALSE.equals(origin) || "".equals(origin)) {
            next.run(); // cors disabled for this request: no headers at all
            return;
        }
        setOrigin(origin, requestOrigin, res);
        if (o.credentials()) res.setHeader("Access-Control-Allow-Credentials", "true");
        if (!"OPTIONS".equalsIgnoreCase(req.method())) {
            setExposedHeaders(o, res);
            next.run();
            return;
        }
        if (!o.methods().isEmpty()) res.setHeader("Access-Control-Allow-Methods", o.methods());
        String allowedHeaders = o.allowedHeaders();
        if (allowedHeaders == null) {
            res.vary("Access-Control-Request-Headers");
            allowedHeaders = req.get("Access-Control-Request-Headers");
        }
        if (allowedHeaders != null && !allowedHeaders.isEmpty()) {
            res.setHeader("Access-Control-Allow-Headers", allowedHeaders);
        }
        if (o.maxAge() != null)
            res.setHeader("Access-Control-Max-Age", o.maxAge().toString());
        setExposedHeaders(o, res);
        if (o.preflightContinue()) {
            next.run();
            return;
        }
        // Safari waits for a body on a 204 without Content-Length: 0
        res.statusCode(o.optionsSuccessStatus());
        res.setHeader("Content-Length", "0");
        res.end();
    }

    private static void setOrigin(Object origin, String requestOrigin, Response res) {
        if ("*".equals(origin)) {
            res.setHeader("Access-Control-Allow-Origin", "*");
            return;
        }
        if (origin instanceof String fixed) {
            res.setHeader("Access-Control-Allow-Origin", fixed);
        } else if (requestOrigin != null && isAllowed(requestOrigin, origin)) {
            res.setHeader("Access-Control-Allow-Origin", requestOrigin);
        }
        res.vary("Origin");
    }

    private static void setExposedHeaders(CorsOptions o, Response res) {
        String exposed = o.exposedHeaders();
        if (exposed != null && !exposed.isEmpty()) res.setHeader("Access-Control-Expose-Headers", exposed);
    }

    /** cors's {@code isOriginAllowed}: a string must equal, a pattern must find a match, a list needs one hit. */
    static boolean isAllowed(String requestOrigin, Object allowed) {
        return switch (allowed) {
            case List<?> list -> list.stream().anyMatch(a -> isAllowed(requestOrigin, a));
            case String s -> s.equals(requestOrigin);
            case Pattern p -> p.matcher(requestOrigin).find();
            case Boolean b -> b;
            default -> throw new IllegalArgumentException("not a CORS origin: " + allowed);
        };
    }
}
