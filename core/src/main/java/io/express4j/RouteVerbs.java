package io.express4j;

/**
 * The verb methods of a {@link Route} ({@code app.route(path).get(…).post(…)}): for each verb, the shapes of
 * {@link RouterVerbs} without the path, and an error handler ({@code (err, req, res, next) -> …}), which runs
 * only while an error raised earlier in this route is pending.
 */
public interface RouteVerbs<T> {
    /** Handlers for one HTTP method (any method name, e.g. {@code "PROPFIND"}). */
    T method(String method, Middleware... chain);

    /** An error handler for one HTTP method, Express's {@code route.get((err, req, res, next) => …)}. */
    T method(String method, ErrorHandler handler);

    /** Handlers for every method. */
    T all(Middleware... chain);

    /** An error handler for every method. */
    T all(ErrorHandler handler);

    default T method(String method, Handler handler) {
        return method(method, new Middleware[] {handler});
    }

    default T method(String method, Middleware m1, Handler handler) {
        return method(method, new Middleware[] {m1, handler});
    }

    default T method(String method, Middleware m1, Middleware m2, Handler handler) {
        return method(method, new Middleware[] {m1, m2, handler});
    }

    default T method(String method, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method(method, new Middleware[] {m1, m2, m3, handler});
    }

    default T method(String method, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method(method, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T all(Handler handler) {
        return all(new Middleware[] {handler});
    }

    default T all(Middleware m1, Handler handler) {
        return all(new Middleware[] {m1, handler});
    }

    default T all(Middleware m1, Middleware m2, Handler handler) {
        return all(new Middleware[] {m1, m2, handler});
    }

    default T all(Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return all(new Middleware[] {m1, m2, m3, handler});
    }

    default T all(Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return all(new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T get(Middleware... chain) {
        return method("GET", chain);
    }

    default T get(Handler handler) {
        return method("GET", new Middleware[] {handler});
    }

    default T get(Middleware m1, Handler handler) {
        return method("GET", new Middleware[] {m1, handler});
    }

    default T get(Middleware m1, Middleware m2, Handler handler) {
        return method("GET", new Middleware[] {m1, m2, handler});
    }

    default T get(Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("GET", new Middleware[] {m1, m2, m3, handler});
    }

    default T get(Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("GET", new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T get(ErrorHandler handler) {
        return method("GET", handler);
    }

    default T post(Middleware... chain) {
        return method("POST", chain);
    }

    default T post(Handler handler) {
        return method("POST", new Middleware[] {handler});
    }

    default T post(Middleware m1, Handler handler) {
        return method("POST", new Middleware[] {m1, handler});
    }

    default T post(Middleware m1, Middleware m2, Handler handler) {
        return method("POST", new Middleware[] {m1, m2, handler});
    }

    default T post(Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("POST", new Middleware[] {m1, m2, m3, handler});
    }

    default T post(Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("POST", new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T post(ErrorHandler handler) {
        return method("POST", handler);
    }

    default T put(Middleware... chain) {
        return method("PUT", chain);
    }

    default T put(Handler handler) {
        return method("PUT", new Middleware[] {handler});
    }

    default T put(Middleware m1, Handler handler) {
        return method("PUT", new Middleware[] {m1, handler});
    }

    default T put(Middleware m1, Middleware m2, Handler handler) {
        return method("PUT", new Middleware[] {m1, m2, handler});
    }

    default T put(Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PUT", new Middleware[] {m1, m2, m3, handler});
    }

    default T put(Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PUT", new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T put(ErrorHandler handler) {
        return method("PUT", handler);
    }

    default T delete(Middleware... chain) {
        return method("DELETE", chain);
    }

    default T delete(Handler handler) {
        return method("DELETE", new Middleware[] {handler});
    }

    default T delete(Middleware m1, Handler handler) {
        return method("DELETE", new Middleware[] {m1, handler});
    }

    default T delete(Middleware m1, Middleware m2, Handler handler) {
        return method("DELETE", new Middleware[] {m1, m2, handler});
    }

    default T delete(Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("DELETE", new Middleware[] {m1, m2, m3, handler});
    }

    default T delete(Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("DELETE", new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T delete(ErrorHandler handler) {
        return method("DELETE", handler);
    }

    default T patch(Middleware... chain) {
        return method("PATCH", chain);
    }

    default T patch(Handler handler) {
        return method("PATCH", new Middleware[] {handler});
    }

    default T patch(Middleware m1, Handler handler) {
        return method("PATCH", new Middleware[] {m1, handler});
    }

    default T patch(Middleware m1, Middleware m2, Handler handler) {
        return method("PATCH", new Middleware[] {m1, m2, handler});
    }

    default T patch(Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PATCH", new Middleware[] {m1, m2, m3, handler});
    }

    default T patch(Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PATCH", new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T patch(ErrorHandler handler) {
        return method("PATCH", handler);
    }

    default T head(Middleware... chain) {
        return method("HEAD", chain);
    }

    default T head(Handler handler) {
        return method("HEAD", new Middleware[] {handler});
    }

    default T head(Middleware m1, Handler handler) {
        return method("HEAD", new Middleware[] {m1, handler});
    }

    default T head(Middleware m1, Middleware m2, Handler handler) {
        return method("HEAD", new Middleware[] {m1, m2, handler});
    }

    default T head(Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("HEAD", new Middleware[] {m1, m2, m3, handler});
    }

    default T head(Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("HEAD", new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T head(ErrorHandler handler) {
        return method("HEAD", handler);
    }

    default T options(Middleware... chain) {
        return method("OPTIONS", chain);
    }

    default T options(Handler handler) {
        return method("OPTIONS", new Middleware[] {handler});
    }

    default T options(Middleware m1, Handler handler) {
        return method("OPTIONS", new Middleware[] {m1, handler});
    }

    default T options(Middleware m1, Middleware m2, Handler handler) {
        return method("OPTIONS", new Middleware[] {m1, m2, handler});
    }

    default T options(Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("OPTIONS", new Middleware[] {m1, m2, m3, handler});
    }

    default T options(Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("OPTIONS", new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T options(ErrorHandler handler) {
        return method("OPTIONS", handler);
    }
}
