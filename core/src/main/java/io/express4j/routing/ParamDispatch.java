package io.express4j.routing;

import io.express4j.ParamHandler;
import io.express4j.Request;
import io.express4j.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a router's {@code app.param} callbacks for the params a matched layer declares, before its handlers. Each
 * callback runs at most once per request and value: a later layer with the same value reuses the outcome.
 */
final class ParamDispatch extends TrampolinedNext {
    /** Outcomes handed to {@code done} for {@code next('route')} and {@code next('router')} from a callback. */
    static final Throwable SKIP_LAYER = new Signal("route");

    static final Throwable SKIP_ROUTER = new Signal("router");

    private static final class Signal extends Throwable {
        Signal(String name) {
            super(name, null, false, false);
        }
    }

    /** The outcome of the callbacks for one param name in this request. */
    static final class Called {
        Object match;
        Object value;
        Throwable error;
    }

    private final RouterStack router;
    private final List<String> keys;
    private final Map<String, Called> called;
    private final RoutingState state;
    private final Request req;
    private final Response res;
    private final Done done;
    private int keyIndex;
    private String key;
    private Object value;
    private List<ParamHandler> callbacks;
    private int callbackIndex;
    private Called current;

    ParamDispatch(
            RouterStack router,
            List<String> keys,
            Map<String, Called> called,
            RoutingState state,
            Request req,
            Response res,
            Done done) {
        this.router = router;
        this.keys = keys;
        this.called = called;
        this.state = state;
        this.req = req;
        this.res = res;
        this.done = done;
    }

    /** Runs the callbacks of the first param; only {@code next} calls from callbacks count as nested steps. */
    void start() {
        nextParam(null);
    }

    /**
     * {@code next('route')} from a param callback skips the layer, as it would skip the route; like an error, the
     * outcome is remembered, so a later layer with the same value is skipped without calling back again.
     */
    @Override
    public void skipRoute() {
        Trampoline.call(() -> step(SKIP_LAYER));
    }

    @Override
    public void skipRouter() {
        Trampoline.call(() -> step(SKIP_ROUTER));
    }

    private void nextParam(Throwable err) {
        if (err != null) {
            done.done(err);
            return;
        }
        while (keyIndex < keys.size()) {
            key = keys.get(keyIndex++);
            value = state.params.get(key);
            callbacks = router.paramCallbacks(key);
            if (value == null || callbacks.isEmpty()) continue;
            Called previous = called.get(key);
            // Same value: the outcome is reused. A different value calls back again, unless the callbacks failed
            // (anything but next('route')): that error stands for the whole request.
            if (previous != null
                    && (Objects.equals(previous.match, value)
                            || (previous.error != null && previous.error != SKIP_LAYER))) {
                putParam(key, previous.value);
                if (previous.error != null) {
                    done.done(previous.error);
                    return;
                }
                continue;
            }
            current = new Called();
            current.match = value;
            current.value = value;
            called.put(key, current);
            callbackIndex = 0;
            step(null);
            return;
        }
        current = null;
        done.done(null);
    }

    /** From a callback's {@code next}: on to the next callback, or out with the error. */
    @Override
    void step(Throwable err) {
        Called outcome = current;
        outcome.value = state.params.get(key);
        if (err != null) {
            outcome.error = err;
            current = null;
            nextParam(err);
            return;
        }
        if (callbackIndex >= callbacks.size()) {
            nextParam(null);
            return;
        }
        ParamHandler fn = callbacks.get(callbackIndex++);
        if (EventLoopDispatch.onLoop(state)) {
            state.eventLoopDispatch.hop(() -> invoke(fn)); // param callbacks are never marked: they may block
            return;
        }
        invoke(fn);
    }

    private void invoke(ParamHandler fn) {
        try {
            fn.handle(req, res, this, value, key);
        } catch (Throwable t) {
            fail(Fatal.rethrowIfFatal(t));
        }
    }

    private void putParam(String name, Object v) {
        if (!(state.params instanceof LinkedHashMap)) state.params = new LinkedHashMap<>(state.params);
        if (v == null) state.params.remove(name);
        else state.params.put(name, v);
    }
}
