package io.express4j;

/**
 * The verb methods of {@link App} and {@link Router}: {@code app.get(path, …)} and friends ({@code get},
 * {@code post}, {@code put}, {@code delete}, {@code patch}, {@code head}, {@code options}, {@code all} and
 * {@code method(name, …)}). A path is what Express takes: an Express 5 path string, a regular expression
 * ({@link java.util.regex.Pattern}), or a list of them; anything else is refused when the route is added, as Express
 * throws its TypeError. Each verb comes in the same shapes:
 *
 * <ul>
 *   <li>{@code get(path, Middleware... chain)}: any number of functions; a {@link Handler} is a {@link Middleware}
 *       (it ends the chain), so typed handlers and {@code (req, res, next) -> …} lambdas mix freely;
 *   <li>{@code get(path, handler)} up to {@code get(path, m1, m2, m3, m4, handler)}: up to four middleware before a
 *       final {@code (req, res) -> …} lambda, which only a {@code Handler} parameter takes — e.g.
 *       {@code app.put(path, json(), urlencoded(), text(), raw(), (req, res) -> …)}.
 * </ul>
 *
 * One table for every path form (a path typed {@code Object}, as in Express, instead of one copy of the table per
 * path type); {@link RouteVerbs} has the same shapes without the path. {@code RouterVerbsTest} pins the set.
 */
public interface RouterVerbs<T> {
    /** Handlers for one HTTP method (any method name, e.g. {@code "PROPFIND"}) on a path. */
    T method(String method, Object path, Middleware... chain);

    /** Handlers for every method on a path. */
    T all(Object path, Middleware... chain);

    default T method(String method, Object path, Handler handler) {
        return method(method, path, new Middleware[] {handler});
    }

    default T method(String method, Object path, Middleware m1, Handler handler) {
        return method(method, path, new Middleware[] {m1, handler});
    }

    default T method(String method, Object path, Middleware m1, Middleware m2, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, handler});
    }

    default T method(String method, Object path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, m3, handler});
    }

    default T method(
            String method, Object path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method(method, path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T all(Object path, Handler handler) {
        return all(path, new Middleware[] {handler});
    }

    default T all(Object path, Middleware m1, Handler handler) {
        return all(path, new Middleware[] {m1, handler});
    }

    default T all(Object path, Middleware m1, Middleware m2, Handler handler) {
        return all(path, new Middleware[] {m1, m2, handler});
    }

    default T all(Object path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return all(path, new Middleware[] {m1, m2, m3, handler});
    }

    default T all(Object path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return all(path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T get(Object path, Middleware... chain) {
        return method("GET", path, chain);
    }

    default T get(Object path, Handler handler) {
        return method("GET", path, new Middleware[] {handler});
    }

    default T get(Object path, Middleware m1, Handler handler) {
        return method("GET", path, new Middleware[] {m1, handler});
    }

    default T get(Object path, Middleware m1, Middleware m2, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, handler});
    }

    default T get(Object path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T get(Object path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("GET", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T post(Object path, Middleware... chain) {
        return method("POST", path, chain);
    }

    default T post(Object path, Handler handler) {
        return method("POST", path, new Middleware[] {handler});
    }

    default T post(Object path, Middleware m1, Handler handler) {
        return method("POST", path, new Middleware[] {m1, handler});
    }

    default T post(Object path, Middleware m1, Middleware m2, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, handler});
    }

    default T post(Object path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T post(Object path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("POST", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T put(Object path, Middleware... chain) {
        return method("PUT", path, chain);
    }

    default T put(Object path, Handler handler) {
        return method("PUT", path, new Middleware[] {handler});
    }

    default T put(Object path, Middleware m1, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, handler});
    }

    default T put(Object path, Middleware m1, Middleware m2, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, handler});
    }

    default T put(Object path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T put(Object path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PUT", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T delete(Object path, Middleware... chain) {
        return method("DELETE", path, chain);
    }

    default T delete(Object path, Handler handler) {
        return method("DELETE", path, new Middleware[] {handler});
    }

    default T delete(Object path, Middleware m1, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, handler});
    }

    default T delete(Object path, Middleware m1, Middleware m2, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, handler});
    }

    default T delete(Object path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T delete(Object path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("DELETE", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T patch(Object path, Middleware... chain) {
        return method("PATCH", path, chain);
    }

    default T patch(Object path, Handler handler) {
        return method("PATCH", path, new Middleware[] {handler});
    }

    default T patch(Object path, Middleware m1, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, handler});
    }

    default T patch(Object path, Middleware m1, Middleware m2, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, handler});
    }

    default T patch(Object path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T patch(Object path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("PATCH", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T head(Object path, Middleware... chain) {
        return method("HEAD", path, chain);
    }

    default T head(Object path, Handler handler) {
        return method("HEAD", path, new Middleware[] {handler});
    }

    default T head(Object path, Middleware m1, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, handler});
    }

    default T head(Object path, Middleware m1, Middleware m2, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, handler});
    }

    default T head(Object path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T head(Object path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("HEAD", path, new Middleware[] {m1, m2, m3, m4, handler});
    }

    default T options(Object path, Middleware... chain) {
        return method("OPTIONS", path, chain);
    }

    default T options(Object path, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {handler});
    }

    default T options(Object path, Middleware m1, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, handler});
    }

    default T options(Object path, Middleware m1, Middleware m2, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, handler});
    }

    default T options(Object path, Middleware m1, Middleware m2, Middleware m3, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, m3, handler});
    }

    default T options(Object path, Middleware m1, Middleware m2, Middleware m3, Middleware m4, Handler handler) {
        return method("OPTIONS", path, new Middleware[] {m1, m2, m3, m4, handler});
    }
}
