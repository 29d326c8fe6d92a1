package io.express4j;

import io.express4j.routing.Fatal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a router's {@code app.param} callbacks for the params a matched layer declares, before its handlers. Each
 * callback runs at most once per request and value: a later layer with the same value reuses the outcome.
 */
final class ParamDispatch implements Next {
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

    private final Router router;
    private final List<String> keys;
    private final Map<String, Called> called;
    private final Request req;
    private final Response res;
    private final RouterDispatch.Done done;
    private int keyIndex;
    private String key;
    private Object value;
    private List<ParamHandler> callbacks;
    private int callbackIndex;
    private Called current;

    ParamDispatch(
            Router router,
            List<String> keys,
            Map<String, Called> called,
            Request req,
            Response res,
            RouterDispatch.Done done) {
        this.router = router;
        this.keys = keys;
        this.called = called;
        this.req = req;
        this.res = res;
        this.done = done;
    }

    /** Runs the callbacks of the first param; only {@code next} calls from callbacks count as nested steps. */
    void start() {
        nextParam(null);
    }

    /** From a callback: on to the next callback. */
    @Override
    public void run() {
        Trampoline.call(() -> callback(null));
    }

    @Override
    public void fail(Throwable err) {
        Throwable error = err == null ? new IllegalStateException("next.fail(null)") : err;
        Trampoline.call(() -> callback(error));
    }

    /**
     * {@code next('route')} from a param callback skips the layer, as it would skip the route; like an error, the
     * outcome is remembered, so a later layer with the same value is skipped without calling back again.
     */
    @Override
    public void skipRoute() {
        Trampoline.call(() -> callback(SKIP_LAYER));
    }

    @Override
    public void skipRouter() {
        Trampoline.call(() -> callback(SKIP_ROUTER));
    }

    private void nextParam(Throwable err) {
        if (err != null) {
            done.done(err);
            return;
        }
        while (keyIndex < keys.size()) {
            key = keys.get(keyIndex++);
            value = req.params.get(key);
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
            callback(null);
            return;
        }
        current = null;
        done.done(null);
    }

    private void callback(Throwable err) {
        Called state = current;
        state.value = req.params.get(key);
        if (err != null) {
            state.error = err;
            current = null;
            nextParam(err);
            return;
        }
        if (callbackIndex >= callbacks.size()) {
            nextParam(null);
            return;
        }
        ParamHandler fn = callbacks.get(callbackIndex++);
        if (EventLoopDispatch.onLoop(req)) {
            req.eventLoopDispatch.hop(() -> invoke(fn)); // param callbacks are never marked: they may block
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
        if (!(req.params instanceof LinkedHashMap)) req.params = new LinkedHashMap<>(req.params);
        if (v == null) req.params.remove(name);
        else req.params.put(name, v);
    }
}
