package io.express4j;

/**
 * The verb methods of a {@link Route} ({@code app.route(path).get(…).post(…)}). Each verb takes middleware and
 * handlers in any mix; the {@link Handler} overloads exist so that two-argument lambdas need no cast.
 */
public interface RouteVerbs<T> {
    /** Handlers for one HTTP method (any method name, e.g. {@code "PROPFIND"}). */
    T method(String method, Middleware... handlers);

    /**
     * An error handler for one HTTP method, Express's {@code route.get((err, req, res, next) => …)}: it runs only
     * while an error raised earlier in this route is pending.
     */
    T method(String method, ErrorHandler handler);

    /** Handlers for every method. */
    T all(Middleware... handlers);

    /** An error handler for every method. */
    T all(ErrorHandler handler);

    default T all(Handler handler) {
        return all(new Middleware[] {handler});
    }

    default T all(Middleware middleware, Handler handler) {
        return all(new Middleware[] {middleware, handler});
    }

    default T get(Middleware... handlers) {
        return method("GET", handlers);
    }

    default T get(Handler handler) {
        return method("GET", handler);
    }

    default T get(Middleware middleware, Handler handler) {
        return method("GET", middleware, handler);
    }

    default T get(ErrorHandler handler) {
        return method("GET", handler);
    }

    default T post(Middleware... handlers) {
        return method("POST", handlers);
    }

    default T post(Handler handler) {
        return method("POST", handler);
    }

    default T post(Middleware middleware, Handler handler) {
        return method("POST", middleware, handler);
    }

    default T post(ErrorHandler handler) {
        return method("POST", handler);
    }

    default T put(Middleware... handlers) {
        return method("PUT", handlers);
    }

    default T put(Handler handler) {
        return method("PUT", handler);
    }

    default T put(Middleware middleware, Handler handler) {
        return method("PUT", middleware, handler);
    }

    default T put(ErrorHandler handler) {
        return method("PUT", handler);
    }

    default T delete(Middleware... handlers) {
        return method("DELETE", handlers);
    }

    default T delete(Handler handler) {
        return method("DELETE", handler);
    }

    default T delete(Middleware middleware, Handler handler) {
        return method("DELETE", middleware, handler);
    }

    default T delete(ErrorHandler handler) {
        return method("DELETE", handler);
    }

    default T patch(Middleware... handlers) {
        return method("PATCH", handlers);
    }

    default T patch(Handler handler) {
        return method("PATCH", handler);
    }

    default T patch(Middleware middleware, Handler handler) {
        return method("PATCH", middleware, handler);
    }

    default T patch(ErrorHandler handler) {
        return method("PATCH", handler);
    }

    default T head(Middleware... handlers) {
        return method("HEAD", handlers);
    }

    default T head(Handler handler) {
        return method("HEAD", handler);
    }

    default T head(Middleware middleware, Handler handler) {
        return method("HEAD", middleware, handler);
    }

    default T head(ErrorHandler handler) {
        return method("HEAD", handler);
    }

    default T options(Middleware... handlers) {
        return method("OPTIONS", handlers);
    }

    default T options(Handler handler) {
        return method("OPTIONS", handler);
    }

    default T options(Middleware middleware, Handler handler) {
        return method("OPTIONS", middleware, handler);
    }

    default T options(ErrorHandler handler) {
        return method("OPTIONS", handler);
    }
}
