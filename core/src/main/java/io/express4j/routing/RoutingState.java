package io.express4j.routing;

import io.express4j.App;
import io.express4j.Next;
import io.express4j.Route;
import java.util.Map;

/**
 * What the router rewrites on a request as it passes through mounted routers and apps: Express keeps these as
 * plain properties of {@code req}; here one object per request holds them, read by {@code Request}'s public
 * getters and written by the dispatch. The fields are plain because the dispatch sets them at every layer.
 */
public final class RoutingState {
    /** The app whose stack is running ({@code req.app}): switched to a mounted app while it runs. */
    public App app;
    /** {@code req.url}: the mount path of the current router or app taken off. */
    public String url;
    /** {@code req.baseUrl}: the mount path taken off {@link #url}, as actually matched. */
    public String baseUrl = "";
    /**
     * {@link #baseUrl}'s template: the mount paths as registered ({@code /users/:uid}), for {@code req.routePath()}.
     */
    public String baseTemplate = "";
    /** {@link #baseTemplate} when {@link #route} was set: the route's mount paths, kept after leaving the router. */
    public String routeMount = "";
    /** {@code req.params}: the matched layer's; a shared immutable map until someone writes to it. */
    public Map<String, Object> params = Map.of();
    /** {@code req.route}: the route whose handlers are running. */
    public Route route;
    /** The last error a function passed to {@code next(err)} or threw: {@code req.error()}. */
    public Throwable error;
    /** Express's {@code req.next}: the {@code next} of the innermost router handling the request. */
    public Next next;
    /** For a request whose dispatch began on the event loop; null when it began on a virtual thread. */
    public EventLoopDispatch eventLoopDispatch;

    public RoutingState(String url) {
        this.url = url;
    }
}
