package io.express4j;

import java.util.regex.Pattern;

/**
 * The verb methods shared by {@link App} and {@link Router}: {@code app.get(path, …)} and friends, for an Express 5
 * path string or a regular expression. Each takes middleware and handlers in any mix; the {@link Handler} overloads
 * exist so that two-argument lambdas need no cast.
 */
public interface RouterVerbs<T> {
    /** Handlers for one HTTP method on a path (any method name, e.g. {@code "PROPFIND"}). */
    T method(String method, String path, Middleware... handlers);

    default T method(String method, String path, Handler handler) {
        return method(method, path, new Middleware[] {handler});
    }

    default T method(String method, String path, Middleware middleware, Handler handler) {
        return method(method, path, new Middleware[] {middleware, handler});
    }

    /** Handlers for one HTTP method on the paths a regular expression matches (groups become params). */
    T method(String method, Pattern path, Middleware... handlers);

    /** Handlers for every method on a path. */
    T all(String path, Middleware... handlers);

    T all(Pattern path, Middleware... handlers);

    default T all(String path, Handler handler) {
        return all(path, new Middleware[] {handler});
    }

    default T all(String path, Middleware middleware, Handler handler) {
        return all(path, new Middleware[] {middleware, handler});
    }

    default T get(String path, Middleware... handlers) {
        return method("GET", path, handlers);
    }

    default T get(String path, Handler handler) {
        return method("GET", path, handler);
    }

    default T get(String path, Middleware middleware, Handler handler) {
        return method("GET", path, middleware, handler);
    }

    default T get(Pattern path, Middleware... handlers) {
        return method("GET", path, handlers);
    }

    default T get(Pattern path, Handler handler) {
        return method("GET", path, handler);
    }

    default T post(String path, Middleware... handlers) {
        return method("POST", path, handlers);
    }

    default T post(String path, Handler handler) {
        return method("POST", path, handler);
    }

    default T post(String path, Middleware middleware, Handler handler) {
        return method("POST", path, middleware, handler);
    }

    default T post(Pattern path, Middleware... handlers) {
        return method("POST", path, handlers);
    }

    default T post(Pattern path, Handler handler) {
        return method("POST", path, handler);
    }

    default T put(String path, Middleware... handlers) {
        return method("PUT", path, handlers);
    }

    default T put(String path, Handler handler) {
        return method("PUT", path, handler);
    }

    default T put(String path, Middleware middleware, Handler handler) {
        return method("PUT", path, middleware, handler);
    }

    default T put(Pattern path, Middleware... handlers) {
        return method("PUT", path, handlers);
    }

    default T put(Pattern path, Handler handler) {
        return method("PUT", path, handler);
    }

    default T delete(String path, Middleware... handlers) {
        return method("DELETE", path, handlers);
    }

    default T delete(String path, Handler handler) {
        return method("DELETE", path, handler);
    }

    default T delete(String path, Middleware middleware, Handler handler) {
        return method("DELETE", path, middleware, handler);
    }

    default T delete(Pattern path, Middleware... handlers) {
        return method("DELETE", path, handlers);
    }

    default T delete(Pattern path, Handler handler) {
        return method("DELETE", path, handler);
    }

    default T patch(String path, Middleware... handlers) {
        return method("PATCH", path, handlers);
    }

    default T patch(String path, Handler handler) {
        return method("PATCH", path, handler);
    }

    default T patch(String path, Middleware middleware, Handler handler) {
        return method("PATCH", path, middleware, handler);
    }

    default T patch(Pattern path, Middleware... handlers) {
        return method("PATCH", path, handlers);
    }

    default T patch(Pattern path, Handler handler) {
        return method("PATCH", path, handler);
    }

    default T head(String path, Middleware... handlers) {
        return method("HEAD", path, handlers);
    }

    default T head(String path, Handler handler) {
        return method("HEAD", path, handler);
    }

    default T head(String path, Middleware middleware, Handler handler) {
        return method("HEAD", path, middleware, handler);
    }

    default T head(Pattern path, Middleware... handlers) {
        return method("HEAD", path, handlers);
    }

    default T head(Pattern path, Handler handler) {
        return method("HEAD", path, handler);
    }

    default T options(String path, Middleware... handlers) {
        return method("OPTIONS", path, handlers);
    }

    default T options(String path, Handler handler) {
        return method("OPTIONS", path, handler);
    }

    default T options(String path, Middleware middleware, Handler handler) {
        return method("OPTIONS", path, middleware, handler);
    }

    default T options(Pattern path, Middleware... handlers) {
        return method("OPTIONS", path, handlers);
    }

    default T options(Pattern path, Handler handler) {
        return method("OPTIONS", path, handler);
    }
}
