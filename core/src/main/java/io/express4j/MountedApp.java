package io.express4j;

/**
 * A sub-app as a layer of its parent ({@code parent.use("/blog", blog)}): runs the sub-app's stack with
 * {@code req.app} switched to it, and switches back before continuing in the parent. Dispatch code, so it may run
 * on the event loop; the sub-app's own layers decide whether they can.
 */
record MountedApp(App app) implements Middleware, LoopSafe {
    @Override
    public void handle(Request req, Response res, Next next) {
        App outer = req.app;
        app.handle(req, res, err -> {
            req.app = outer;
            res.app = outer;
            if (err == null) next.run();
            else next.fail(err);
        });
    }
}
