package io.express4j.middleware;

import io.express4j.HelmetOptions;
import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.http.ContentSecurityPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * helmet 8's middleware: a fixed list of security headers set on every response, {@code X-Powered-By} removed, and
 * the Content-Security-Policy first — computed once, or per request when a directive holds a
 * {@link HelmetOptions.CspValue}, whose failure goes to {@code next(err)} before any header is set (helmet runs its
 * CSP middleware first and stops at its error).
 */
public final class Helmet implements Middleware {
    private final String cspHeader;
    private final Map<String, List<Object>> dynamicDirectives;
    private final String[] names;
    private final String[] values;
    private final String removed;

    private Helmet(Builder b) {
        this.cspHeader = b.cspHeader;
        this.dynamicDirectives = b.dynamicDirectives;
        this.names = b.names.toArray(String[]::new);
        this.values = b.values.toArray(String[]::new);
        this.removed = b.removed;
    }

    @Override
    public void handle(Request req, Response res, Next next) {
        if (dynamicDirectives != null) {
            String policy;
            try {
                policy = evaluate(req, res);
            } catch (Exception e) {
                next.fail(e);
                return;
            }
            res.setHeader(cspHeader, policy);
        }
        for (int i = 0; i < names.length; i++) res.setHeader(names[i], values[i]);
        if (removed != null) res.removeHeader(removed);
        next.run();
    }

    /** helmet's {@code getHeaderValue}: each directive's values, computed ones checked as they come. */
    private String evaluate(Request req, Response res) throws Exception {
        StringBuilder header = new StringBuilder();
        for (Map.Entry<String, List<Object>> e : dynamicDirectives.entrySet()) {
            String name = e.getKey();
            StringBuilder value = new StringBuilder();
            for (Object element : e.getValue()) {
                if (element instanceof HelmetOptions.CspValue fn) {
                    String computed = String.valueOf(fn.value(req, res));
                    String error = ContentSecurityPolicy.entryError(name, computed);
                    if (error != null) throw new IllegalArgumentException(error);
                    value.append(' ').append(computed);
                } else {
                    value.append(' ').append(element);
                }
            }
            String error = ContentSecurityPolicy.valueError(name, value.toString());
            if (error != null) throw new IllegalArgumentException(error);
            if (!header.isEmpty()) header.append(';');
            header.append(name).append(value);
        }
        return header.toString();
    }

    /** Collects the headers in the order helmet sets them. */
    public static final class Builder {
        private String cspHeader;
        private Map<String, List<Object>> dynamicDirectives;
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();
        private String removed;

        /** Must come first: a computed policy is set before the fixed headers. */
        public Builder contentSecurityPolicy(String headerName, Map<String, List<Object>> directives) {
            for (List<Object> values : directives.values()) {
                for (Object v : values) {
                    if (!(v instanceof String) && !(v instanceof HelmetOptions.CspValue)) {
                        throw new IllegalArgumentException("Content-Security-Policy values must be strings or"
                                + " HelmetOptions.CspValue functions, not "
                                + v.getClass().getName());
                    }
                }
            }
            String fixed = ContentSecurityPolicy.serialize(directives);
            if (fixed != null) return header(headerName, fixed);
            cspHeader = headerName;
            dynamicDirectives = directives;
            return this;
        }

        public Builder header(String name, String value) {
            names.add(name);
            values.add(value);
            return this;
        }

        public Builder removeHeader(String name) {
            removed = name;
            return this;
        }

        public Middleware build() {
            return new Helmet(this);
        }
    }
}
