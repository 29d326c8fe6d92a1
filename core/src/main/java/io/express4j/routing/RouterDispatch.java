package io.express4j.routing;

import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.http.Urls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One pass of a request through a router's stack: the {@code next} function of router 2.x. It finds the next
 * layer matching the path (routes also by method, and never while an error is pending), runs the router's param
 * callbacks, takes a middleware's mount path off {@code req.url} and puts it back when that middleware calls
 * {@code next}, and on leaving restores {@code req.baseUrl} and {@code req.params} for the parent.
 */
final class RouterDispatch extends TrampolinedNext {
    private final RouterStack router;
    private final RoutingState state;
    private final Request req;
    private final Response res;
    private final Done out;
    private final String parentUrl;
    private final String parentTemplate;
    private final Map<String, Object> parentParams;
    private final Next parentNext;
    private final List<String> optionsMethods;
    private Map<String, ParamDispatch.Called> paramCalled; // made when a layer with params first matches
    private int idx;
    private String removed = "";
    private boolean slashAdded;

    RouterDispatch(RouterStack router, Request req, Response res, Done out) {
        this.router = router;
        this.state = RoutingAccess.state(req);
        this.req = req;
        this.res = res;
        this.out = out;
        this.parentUrl = state.baseUrl;
        this.parentTemplate = state.baseTemplate;
        this.parentParams = state.params;
        this.parentNext = state.next;
        state.next = this;
        this.optionsMethods = req.method().equals("OPTIONS") ? new ArrayList<>() : null;
    }

    /** From plain middleware {@code next('route')} is just {@code next()}. */
    @Override
    public void skipRoute() {
        run();
    }

    @Override
    public void skipRouter() {
        Trampoline.call(this::exitRouter);
    }

    private void exitRouter() {
        restorePath();
        finish(null);
    }

    private void restorePath() {
        if (slashAdded) {
            // The slash put in front stays when a handler rewrote the url under a mount path without one.
            boolean pathIsRoot = state.url.equals("/") || state.url.startsWith("/?");
            if (pathIsRoot || (removed.endsWith("/") && state.url.startsWith("/"))) state.url = state.url.substring(1);
            slashAdded = false;
        }
        if (!removed.isEmpty()) {
            state.baseUrl = parentUrl;
            state.baseTemplate = parentTemplate;
            int protohost = Urls.protohostLength(state.url);
            state.url = state.url.substring(0, protohost) + removed + state.url.substring(protohost);
            removed = "";
        }
    }

    @Override
    void step(Throwable layerError) {
        if (layerError != null) state.error = layerError;
        restorePath();
        LayerIndex stack = router.index();
        if (idx >= stack.size()) {
            finish(layerError);
            return;
        }
        String path = req.path();
        int[][] candidates = stack.candidates(path); // the layers this path can match at all
        Layer layer = null;
        PathPattern.Match match = null;
        while (match == null && (idx = stack.next(candidates, idx)) < stack.size()) {
            layer = stack.layer(idx++);
            try {
                match = layer.match(path);
            } catch (RuntimeException decodeError) {
                if (layerError == null) layerError = decodeError;
                continue;
            }
            if (match == null || layer.route == null) continue;
            if (layerError != null) {
                match = null; // routes do not run while an error is pending
                continue;
            }
            String method = req.method();
            boolean handles = layer.route.handlesMethod(method);
            if (!handles && optionsMethods != null) optionsMethods.addAll(layer.route.allowedMethods());
            if (!handles && !method.equals("HEAD")) match = null;
        }
        if (match == null) {
            finish(layerError);
            return;
        }

        if (layer.route != null) {
            state.route = layer.route.route();
            state.routeMount = state.baseTemplate;
        }
        state.params = router.mergeParams() ? merge(match.params(), parentParams) : match.params();
        Layer matched = layer;
        PathPattern.Match m = match;
        Throwable pending = layerError;
        if (!router.hasParamCallbacks() || matched.keys().isEmpty()) {
            afterParams(null, matched, m, pending, path); // the common case: nothing to run, nothing to allocate
            return;
        }
        if (paramCalled == null) paramCalled = new HashMap<>();
        new ParamDispatch(
                        router,
                        matched.keys(),
                        paramCalled,
                        state,
                        req,
                        res,
                        err -> afterParams(err, matched, m, pending, path))
                .start();
    }

    /** Continues after the param callbacks of a matched layer: into its route or middleware, or past it. */
    private void afterParams(Throwable err, Layer matched, PathPattern.Match m, Throwable pending, String path) {
        if (err == ParamDispatch.SKIP_ROUTER && pending == null) exitRouter();
        else if (err == ParamDispatch.SKIP_LAYER) step(pending);
        else if (err != null) step(pending != null ? pending : err);
        else if (matched.route != null) matched.route.dispatch(state, req, res, routeNext(matched));
        else trimPrefix(matched, pending, m.matchedPath(), path);
    }

    /** What the route's handlers see as {@code done}: back into this stack, or out of the router. */
    private Next routeNext(Layer layer) {
        return new Next() {
            @Override
            public void run() {
                step(null);
            }

            @Override
            public void fail(Throwable err) {
                step(err);
            }

            @Override
            public void skipRoute() {
                step(null);
            }

            @Override
            public void skipRouter() {
                exitRouter();
            }
        };
    }

    private void trimPrefix(Layer layer, Throwable layerError, String layerPath, String path) {
        if (!layerPath.isEmpty()) {
            if (!path.startsWith(layerPath)) {
                step(layerError);
                return;
            }
            if (path.length() > layerPath.length() && path.charAt(layerPath.length()) != '/') {
                step(layerError);
                return;
            }
            removed = layerPath;
            int protohost = Urls.protohostLength(state.url);
            state.url = state.url.substring(0, protohost) + state.url.substring(protohost + removed.length());
            if (protohost == 0 && !state.url.startsWith("/")) {
                state.url = "/" + state.url;
                slashAdded = true;
            }
            state.baseUrl = parentUrl + (removed.endsWith("/") ? removed.substring(0, removed.length() - 1) : removed);
            state.baseTemplate = parentTemplate + layer.mountTemplate;
        }
        if (layerError != null) layer.handleError(layerError, state, req, res, this);
        else layer.handleRequest(state, req, res, this);
    }

    /** Leaving the router: restore what the parent had, answer OPTIONS if routes matched, else hand back. */
    private void finish(Throwable err) {
        state.baseUrl = parentUrl;
        state.baseTemplate = parentTemplate;
        state.params = parentParams;
        state.next = parentNext;
        if (err == null && optionsMethods != null && !optionsMethods.isEmpty()) {
            try {
                sendOptions();
            } catch (RuntimeException e) {
                out.done(e); // e.g. the head was already sent
            }
            return;
        }
        out.done(err);
    }

    /** Automatic OPTIONS: sorted, de-duplicated methods of the routes whose path matched. */
    private void sendOptions() {
        String allow = String.join(", ", new TreeSet<>(optionsMethods));
        res.set("Allow", allow);
        res.setHeader("Content-Length", Integer.toString(allow.length()));
        res.setHeader("Content-Type", "text/plain");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.end(allow);
    }

    /**
     * router's mergeParams: a copy of the parent's params overlaid by this layer's. When both have a {@code "0"},
     * this layer's leading numbered params are shifted past the parent's ({@code /user/id:(\d+)} then
     * {@code /(.*)} gives 0 and 1).
     */
    static Map<String, Object> merge(Map<String, Object> params, Map<String, Object> parent) {
        if (parent.isEmpty()) return params;
        LinkedHashMap<String, Object> out = new LinkedHashMap<>(parent);
        if (params.containsKey("0") && parent.containsKey("0")) {
            int i = 0;
            while (params.containsKey(Integer.toString(i))) i++;
            int o = 0;
            while (parent.containsKey(Integer.toString(o))) o++;
            LinkedHashMap<String, Object> shifted = new LinkedHashMap<>(params);
            for (i--; i >= 0; i--) {
                shifted.put(Integer.toString(i + o), params.get(Integer.toString(i)));
                if (i < o) shifted.remove(Integer.toString(i));
            }
            params = shifted;
        }
        out.putAll(params);
        return JsKeyOrder.order(out);
    }
}
