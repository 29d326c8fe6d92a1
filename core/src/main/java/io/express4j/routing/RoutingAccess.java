package io.express4j.routing;

import io.express4j.Middleware;
import io.express4j.Request;

/**
 * The engine's way into what the API classes keep to themselves (the JDK's "SharedSecrets" pattern): a request's
 * {@link RoutingState} and the stack behind a mounted router or app. Making those public would put them in the API
 * users see; instead {@code Request} installs an implementation from its static initializer, and this package,
 * which the module does not export, is the only one that can call it.
 */
public final class RoutingAccess {
    /** What {@code io.express4j} lends the engine. */
    public interface Api {
        RoutingState state(Request req);

        /** The stack of a router or (mounted) app, to look into; null for other functions or an empty app. */
        RouterStack stackOf(Middleware fn);
    }

    private static volatile Api api;

    private RoutingAccess() {}

    /** Called once, by {@code Request}'s static initializer. */
    public static void install(Api implementation) {
        if (api != null) throw new IllegalStateException("routing access already installed");
        api = implementation;
    }

    static RoutingState state(Request req) {
        return api().state(req); // a request exists, so Request's initializer has run
    }

    static RouterStack stackOf(Middleware fn) {
        return api().stackOf(fn);
    }

    private static Api api() {
        Api installed = api;
        if (installed != null) return installed;
        try { // before the first request (e.g. an app looking into its stacks at listen): initialise Request
            Class.forName(Request.class.getName(), true, Request.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return api;
    }
}
