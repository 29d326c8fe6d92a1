package io.express4j;

/**
 * The verb methods of {@link App} and {@link Router}: {@code app.get(path, …)} and friends ({@code get},
 * {@code post}, {@code put}, {@code delete}, {@code patch}, {@code head}, {@code options}, {@code all} and
 * {@code method(name, …)}), for a path string, a regular expression, or a list of them. Each one comes in the same
 * shapes:
 *
 * <ul>
 *   <li>{@code get(path, Middleware... chain)}: any number of functions; a {@link Handler} is a {@link Middleware}
 *       (it ends the chain), so typed handlers and {@code (req, res, next) -> …} lambdas mix freely;
 *   <li>{@code get(path, handler)} up to {@code get(path, m1, m2, m3, m4, handler)}: up to four middleware before a
 *       final {@code (req, res) -> …} lambda, which only a {@code Handler} parameter takes — e.g.
 *       {@code app.put(path, json(), urlencoded(), text(), raw(), (req, res) -> …)}.
 * </ul>
 *
 * The shapes are written once per path form ({@link StringPathVerbs}, {@link PatternPathVerbs},
 * {@link PathListVerbs}); {@link RouteVerbs} has them without the path.
 */
public interface RouterVerbs<T> extends StringPathVerbs<T>, PatternPathVerbs<T>, PathListVerbs<T> {}
