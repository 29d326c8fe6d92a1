package io.express4j;

import java.util.regex.Pattern;

/**
 * The verb methods of {@link App} and {@link Router} for a regular expression (its groups become
 * params), in the shapes {@link RouterVerbs} describes;
 * {@code RouterVerbsTest} pins the set.
 */
public interface PatternPathVerbs<T> {
    /** Handlers for one HTTP method (any method name, e.g. {@code "PROPFIND"}) on the paths a regex matches. */
    T method(String method, Pattern path, Middleware... chain);

    /** Handlers for every method on the paths a regular expression matches. */
    T all(Pattern path, Middleware... chain);

    default T method(String method, Pattern path, Handler handler) {
        return method(method, path, new Middleware[] {handler});
    }

    default T method(String method, Pattern path, Middleware m1, Handler handler) {
        return method(method, path, new Middleware[] {m1, handler});
    }

    default T method(String method, Pattern path, Middleware m1, Middleware m2, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, handler});
    }

    default T method(String method, Pattern path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, m3, handler});
    }

    default T method(
            String method, Pattern path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T all(Pattern path, Handler handler) {
        return all(path, new Middleware[] {handler});
    }

    default T all(Pattern path, Middleware m1, Handler handler) {
        return all(path, new Middleware[] {m1, handler});
    }

    default T all(Pattern path, Middleware m1, Middleware m2, Handler handler) {
        return all(path, new Middleware[] {m1, m2, handler});
    }

    default T all(Pattern path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return all(path, new Middleware[] {m1, m2, m3, handler});
    }

    default T all(Pattern path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return all(path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T get(Pattern path, Middleware... chain) {
        return method("GET", path, chain);
    }

    default T get(Pattern path, Handler handler) {
        return method("GET", path, new Middleware[] {handler});
    }

    default T get(Pattern path, Middleware m1, Handler handler) {
        return method("GET", path, new Middleware[] {m1, handler});
    }

    default T get(Pattern path, Middleware m1, Middleware m2, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, handler});
    }

    default T get(Pattern path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T get(Pattern path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T post(Pattern path, Middleware... chain) {
        return method("POST", path, chain);
    }

    default T post(Pattern path, Handler handler) {
        return method("POST", path, new Middleware[] {handler});
    }

    default T post(Pattern path, Middleware m1, Handler handler) {
        return method("POST", path, new Middleware[] {m1, handler});
    }

    default T post(Pattern path, Middleware m1, Middleware m2, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, handler});
    }

    default T post(Pattern path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T post(Pattern path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T put(Pattern path, Middleware... chain) {
        return method("PUT", path, chain);
    }

    default T put(Pattern path, Handler handler) {
        return method("PUT", path, new Middleware[] {handler});
    }

    default T put(Pattern path, Middleware m1, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, handler});
    }

    default T put(Pattern path, Middleware m1, Middleware m2, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, handler});
    }

    default T put(Pattern path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T put(Pattern path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T delete(Pattern path, Middleware... chain) {
        return method("DELETE", path, chain);
    }

    default T delete(Pattern path, Handler handler) {
        return method("DELETE", path, new Middleware[] {handler});
    }

    default T delete(Pattern path, Middleware m1, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, handler});
    }

    default T delete(Pattern path, Middleware m1, Middleware m2, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, handler});
    }

    default T delete(Pattern path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T delete(Pattern path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T patch(Pattern path, Middleware... chain) {
        return method("PATCH", path, chain);
    }

    default T patch(Pattern path, Handler handler) {
        return method("PATCH", path, new Middleware[] {handler});
    }

    default T patch(Pattern path, Middleware m1, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, handler});
    }

    default T patch(Pattern path, Middleware m1, Middleware m2, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, handler});
    }

    default T patch(Pattern path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T patch(Pattern path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T head(Pattern path, Middleware... chain) {
        return method("HEAD", path, chain);
    }

    default T head(Pattern path, Handler handler) {
        return method("HEAD", path, new Middleware[] {handler});
    }

    default T head(Pattern path, Middleware m1, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, handler});
    }

    default T head(Pattern path, Middleware m1, Middleware m2, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, handler});
    }

    default T head(Pattern path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T head(Pattern path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T options(Pattern path, Middleware... chain) {
        return method("OPTIONS", path, chain);
    }

    default T options(Pattern path, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {handler});
    }

    default T options(Pattern path, Middleware m1, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, handler});
    }

    default T options(Pattern path, Middleware m1, Middleware m2, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, handler});
    }

    default T options(Pattern path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T options(Pattern path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, m3, m4, handler});
    }
}
