package io.express4j.routing;

import io.express4j.ErrorHandler;
import io.express4j.Handler;
import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import java.util.function.Consumer;

/**
 * What {@code Express.nonBlocking} wraps a function in: the mark that lets it run on the event loop. An app whose
 * stacks hold one dispatches its requests on the event loop (see {@link EventLoopDispatch}).
 */
public sealed interface NonBlocking extends LoopSafe {
    record OfHandler(Handler fn) implements NonBlocking, Handler {
        @Override
        public void handle(Request req, Response res) throws Exception {
            fn.handle(req, res);
        }
    }

    record OfMiddleware(Middleware fn) implements NonBlocking, Middleware {
        @Override
        public void handle(Request req, Response res, Next next) throws Exception {
            fn.handle(req, res, next);
        }
    }

    record OfErrorHandler(ErrorHandler fn) implements NonBlocking, ErrorHandler {
        @Override
        public void handle(Throwable err, Request req, Response res, Next next) throws Exception {
            fn.handle(err, req, res, next);
        }
    }

    /** An on-finished listener run where the response finishes, without a virtual thread of its own. */
    record OfListener(Consumer<Throwable> fn) implements NonBlocking, Consumer<Throwable> {
        @Override
        public void accept(Throwable err) {
            fn.accept(err);
        }
    }
}
