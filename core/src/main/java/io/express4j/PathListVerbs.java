package io.express4j;

import java.util.List;

/**
 * The verb methods of {@link App} and {@link Router} for several paths (Strings and Patterns),
 * Express's array path, in the shapes {@link RouterVerbs} describes;
 * {@code RouterVerbsTest} pins the set.
 */
public interface PathListVerbs<T> {
    /** Handlers for one HTTP method (any method name, e.g. {@code "PROPFIND"}) on several paths. */
    T method(String method, List<?> path, Middleware... chain);

    /** Handlers for every method on several paths. */
    T all(List<?> path, Middleware... chain);

    default T method(String method, List<?> path, Handler handler) {
        return method(method, path, new Middleware[] {handler});
    }

    default T method(String method, List<?> path, Middleware m1, Handler handler) {
        return method(method, path, new Middleware[] {m1, handler});
    }

    default T method(String method, List<?> path, Middleware m1, Middleware m2, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, handler});
    }

    default T method(String method, List<?> path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, m3, handler});
    }

    default T method(
            String method, List<?> path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T all(List<?> path, Handler handler) {
        return all(path, new Middleware[] {handler});
    }

    default T all(List<?> path, Middleware m1, Handler handler) {
        return all(path, new Middleware[] {m1, handler});
    }

    default T all(List<?> path, Middleware m1, Middleware m2, Handler handler) {
        return all(path, new Middleware[] {m1, m2, handler});
    }

    default T all(List<?> path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return all(path, new Middleware[] {m1, m2, m3, handler});
    }

    default T all(List<?> path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return all(path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T get(List<?> path, Middleware... chain) {
        return method("GET", path, chain);
    }

    default T get(List<?> path, Handler handler) {
        return method("GET", path, new Middleware[] {handler});
    }

    default T get(List<?> path, Middleware m1, Handler handler) {
        return method("GET", path, new Middleware[] {m1, handler});
    }

    default T get(List<?> path, Middleware m1, Middleware m2, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, handler});
    }

    default T get(List<?> path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T get(List<?> path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T post(List<?> path, Middleware... chain) {
        return method("POST", path, chain);
    }

    default T post(List<?> path, Handler handler) {
        return method("POST", path, new Middleware[] {handler});
    }

    default T post(List<?> path, Middleware m1, Handler handler) {
        return method("POST", path, new Middleware[] {m1, handler});
    }

    default T post(List<?> path, Middleware m1, Middleware m2, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, handler});
    }

    default T post(List<?> path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T post(List<?> path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T put(List<?> path, Middleware... chain) {
        return method("PUT", path, chain);
    }

    default T put(List<?> path, Handler handler) {
        return method("PUT", path, new Middleware[] {handler});
    }

    default T put(List<?> path, Middleware m1, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, handler});
    }

    default T put(List<?> path, Middleware m1, Middleware m2, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, handler});
    }

    default T put(List<?> path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T put(List<?> path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T delete(List<?> path, Middleware... chain) {
        return method("DELETE", path, chain);
    }

    default T delete(List<?> path, Handler handler) {
        return method("DELETE", path, new Middleware[] {handler});
    }

    default T delete(List<?> path, Middleware m1, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, handler});
    }

    default T delete(List<?> path, Middleware m1, Middleware m2, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, handler});
    }

    default T delete(List<?> path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T delete(List<?> path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T patch(List<?> path, Middleware... chain) {
        return method("PATCH", path, chain);
    }

    default T patch(List<?> path, Handler handler) {
        return method("PATCH", path, new Middleware[] {handler});
    }

    default T patch(List<?> path, Middleware m1, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, handler});
    }

    default T patch(List<?> path, Middleware m1, Middleware m2, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, handler});
    }

    default T patch(List<?> path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T patch(List<?> path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T head(List<?> path, Middleware... chain) {
        return method("HEAD", path, chain);
    }

    default T head(List<?> path, Handler handler) {
        return method("HEAD", path, new Middleware[] {handler});
    }

    default T head(List<?> path, Middleware m1, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, handler});
    }

    default T head(List<?> path, Middleware m1, Middleware m2, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, handler});
    }

    default T head(List<?> path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T head(List<?> path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T options(List<?> path, Middleware... chain) {
        return method("OPTIONS", path, chain);
    }

    default T options(List<?> path, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {handler});
    }

    default T options(List<?> path, Middleware m1, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, handler});
    }

    default T options(List<?> path, Middleware m1, Middleware m2, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, handler});
    }

    default T options(List<?> path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T options(List<?> path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, m3, m4, handler});
    }
}
