package io.express4j.middleware;

import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.http.QueryStrings;
import io.express4j.http.Urls;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * method-override 3.0: lets a client that can only send POST (an HTML form) ask for another method. The value
 * comes from a getter; one that names no method Node knows is ignored, so a bad value changes nothing.
 */
public final class MethodOverride implements Middleware {
    private final Function<Request, String> getter;
    private final Set<String> methods;
    private final Predicate<String> isMethod;

    /**
     * @param methods the request methods that may be overridden ({@code null}: all)
     * @param isMethod whether an upper-case name is a method Node's parser knows (method-override's list)
     */
    public MethodOverride(Function<Request, String> getter, Set<String> methods, Predicate<String> isMethod) {
        this.getter = getter;
        this.methods = methods;
        this.isMethod = isMethod;
    }

    /**
     * method-override's string getter: a name starting with {@code X-} reads that request header (the first of a
     * comma-separated list) and adds it to {@code Vary}; any other name reads that query-string key.
     */
    public static Function<Request, String> getter(String name) {
        if (name.regionMatches(true, 0, "X-", 0, 2)) {
            return req -> {
                req.res().vary(name);
                String header = req.get(name);
                if (header == null || header.isEmpty()) return null;
                int comma = header.indexOf(',');
                return (comma >= 0 ? header.substring(0, comma) : header).trim();
            };
        }
        return req -> {
            String query = Urls.query(req.url());
            Object value = QueryStrings.parse(query == null ? "" : query).get(name);
            if (value instanceof List<?> list) value = list.getFirst();
            return value instanceof String s ? s : null;
        };
    }

    @Override
    public void handle(Request req, Response res, Next next) throws Exception {
        if (methods == null || methods.contains(req.originalMethod())) {
            String method = getter.apply(req);
            if (method != null) {
                // compared lower-case as method-override does, so no non-ASCII letter folds into a method name
                String lower = method.toLowerCase(Locale.ROOT);
                String upper = lower.toUpperCase(Locale.ROOT);
                if (lower.chars().allMatch(c -> c < 0x80) && isMethod.test(upper)) req.method(upper);
            }
        }
        next.run();
    }
}
