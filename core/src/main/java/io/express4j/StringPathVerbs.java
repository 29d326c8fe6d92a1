package io.express4j;

/**
 * The verb methods of {@link App} and {@link Router} for an Express 5 path string, in the shapes {@link RouterVerbs}
 * describes; {@code RouterVerbsTest} pins the set.
 */
public interface StringPathVerbs<T> {
    /** Handlers for one HTTP method (any method name, e.g. {@code "PROPFIND"}) on an Express 5 path string. */
    T method(String method, String path, Middleware... chain);

    /** Handlers for every method on an Express 5 path string. */
    T all(String path, Middleware... chain);

    default T method(String method, String path, Handler handler) {
        return method(method, path, new Middleware[] {handler});
    }

    default T method(String method, String path, Middleware m1, Handler handler) {
        return method(method, path, new Middleware[] {m1, handler});
    }

    default T method(String method, String path, Middleware m1, Middleware m2, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, handler});
    }

    default T method(String method, String path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, m3, handler});
    }

    default T method(
            String method, String path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T all(String path, Handler handler) {
        return all(path, new Middleware[] {handler});
    }

    default T all(String path, Middleware m1, Handler handler) {
        return all(path, new Middleware[] {m1, handler});
    }

    default T all(String path, Middleware m1, Middleware m2, Handler handler) {
        return all(path, new Middleware[] {m1, m2, handler});
    }

    default T all(String path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return all(path, new Middleware[] {m1, m2, m3, handler});
    }

    default T all(String path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return all(path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T get(String path, Middleware... chain) {
        return method("GET", path, chain);
    }

    default T get(String path, Handler handler) {
        return method("GET", path, new Middleware[] {handler});
    }

    default T get(String path, Middleware m1, Handler handler) {
        return method("GET", path, new Middleware[] {m1, handler});
    }

    default T get(String path, Middleware m1, Middleware m2, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, handler});
    }

    default T get(String path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T get(String path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T post(String path, Middleware... chain) {
        return method("POST", path, chain);
    }

    default T post(String path, Handler handler) {
        return method("POST", path, new Middleware[] {handler});
    }

    default T post(String path, Middleware m1, Handler handler) {
        return method("POST", path, new Middleware[] {m1, handler});
    }

    default T post(String path, Middleware m1, Middleware m2, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, handler});
    }

    default T post(String path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T post(String path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T put(String path, Middleware... chain) {
        return method("PUT", path, chain);
    }

    default T put(String path, Handler handler) {
        return method("PUT", path, new Middleware[] {handler});
    }

    default T put(String path, Middleware m1, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, handler});
    }

    default T put(String path, Middleware m1, Middleware m2, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, handler});
    }

    default T put(String path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T put(String path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T delete(String path, Middleware... chain) {
        return method("DELETE", path, chain);
    }

    default T delete(String path, Handler handler) {
        return method("DELETE", path, new Middleware[] {handler});
    }

    default T delete(String path, Middleware m1, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, handler});
    }

    default T delete(String path, Middleware m1, Middleware m2, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, handler});
    }

    default T delete(String path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T delete(String path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T patch(String path, Middleware... chain) {
        return method("PATCH", path, chain);
    }

    default T patch(String path, Handler handler) {
        return method("PATCH", path, new Middleware[] {handler});
    }

    default T patch(String path, Middleware m1, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, handler});
    }

    default T patch(String path, Middleware m1, Middleware m2, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, handler});
    }

    default T patch(String path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T patch(String path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T head(String path, Middleware... chain) {
        return method("HEAD", path, chain);
    }

    default T head(String path, Handler handler) {
        return method("HEAD", path, new Middleware[] {handler});
    }

    default T head(String path, Middleware m1, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, handler});
    }

    default T head(String path, Middleware m1, Middleware m2, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, handler});
    }

    default T head(String path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T head(String path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T options(String path, Middleware... chain) {
        return method("OPTIONS", path, chain);
    }

    default T options(String path, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {handler});
    }

    default T options(String path, Middleware m1, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, handler});
    }

    default T options(String path, Middleware m1, Middleware m2, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, handler});
    }

    default T options(String path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T options(String path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, m3, m4, handler});
    }
}
