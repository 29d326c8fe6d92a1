package io.express4j;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code app.route(path)} returns: the handlers of one path, per HTTP method. A route without its own HEAD
 * handlers answers HEAD with its GET handlers.
 */
public final class Route implements RouteVerbs<Route> {
    private final String path;
    private final List<Layer> stack = new ArrayList<>();
    private final Set<String> methods = new LinkedHashSet<>();
    private boolean all;

    Route(String path) {
        this.path = path;
    }

    /** The path this route was registered with. */
    public String path() {
        return path;
    }

    @Override
    public Route method(String method, Middleware... handlers) {
        String m = method.toUpperCase(Locale.ROOT);
        for (Middleware fn : handlers) {
            if (fn == null) throw new IllegalArgumentException("Route." + m.toLowerCase(Locale.ROOT)
                    + "() requires a callback function");
            stack.add(Layer.method(m, fn));
        }
        methods.add(m);
        return this;
    }

    @Override
    public Route all(Middleware... handlers) {
        for (Middleware fn : handlers) stack.add(Layer.method(null, fn));
        all = true;
        return this;
    }

    boolean handlesMethod(String method) {
        if (all) return true;
        if (method.equals("HEAD") && !methods.contains("HEAD")) return methods.contains("GET");
        return methods.contains(method);
    }

    /** The methods for an automatic OPTIONS answer: HEAD is implied by GET. */
    List<String> allowedMethods() {
        List<String> out = new ArrayList<>(methods);
        if (methods.contains("GET") && !methods.contains("HEAD")) out.add("HEAD");
        return out;
    }

    void dispatch(Request req, Response res, Next done) {
        if (stack.isEmpty()) {
            done.run();
            return;
        }
        String method = req.method();
        if (method.equals("HEAD") && !methods.contains("HEAD")) method = "GET";
        req.route = this;
        new RouteDispatch(stack, method, req, res, done).start();
    }
}
