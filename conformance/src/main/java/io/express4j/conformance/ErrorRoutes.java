package io.express4j.conformance;

import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import io.express4j.HttpError;
import java.util.Map;

/** Twin of {@code express/routes/errors.js}: errors and finalhandler's default pages. */
final class ErrorRoutes {
    private ErrorRoutes() {}

    /** Express's {@code err.status} outside what {@link HttpError} accepts (it insists on 400–599). */
    public static final class StatusError extends RuntimeException {
        private final int status;

        StatusError(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Express's {@code err.statusCode}. */
    public static final class StatusCodeError extends RuntimeException {
        private final int statusCode;

        StatusCodeError(String message, int statusCode) {
            super(message);
            this.statusCode = statusCode;
        }

        public int statusCode() {
            return statusCode;
        }
    }

    static void install(App app) {
        app.get("/error/sync", (req, res) -> {
            throw new RuntimeException("sync boom");
        });
        app.get("/error/next", (req, res, next) -> next.fail(new RuntimeException("next boom")));
        app.get("/error/status/418", (req, res) -> {
            throw new HttpError(418, "teapot");
        });
        app.get("/error/status/404", (req, res) -> {
            throw new HttpError(404, "not here");
        });
        app.get("/error/status/400", (req, res) -> {
            throw new HttpError(400, "bad");
        });
        app.get("/error/status/503", (req, res) -> {
            throw new HttpError(503, "later");
        });
        app.get("/error/status/599", (req, res) -> {
            throw new HttpError(599, "odd");
        });
        app.get("/error/status/600", (req, res) -> {
            throw new StatusError("out of range", 600);
        });
        app.get("/error/status/302", (req, res) -> {
            throw new StatusError("not an error status", 302);
        });
        app.get("/error/status-code", (req, res) -> {
            throw new StatusCodeError("via statusCode", 409);
        });
        app.get(
                "/error/headers",
                (req, res, next) -> next.fail(new HttpError(503, "unavailable", Map.of("Retry-After", "120"))));
        app.get("/error/res-status", (req, res) -> {
            res.status(503);
            throw new RuntimeException("status from res");
        });
        app.get("/error/res-status-200", (req, res) -> {
            res.status(201);
            throw new RuntimeException("status 201 from res");
        });
        app.get("/error/kept-headers", (req, res) -> {
            res.set("X-Kept", "yes");
            res.set("Content-Type", "application/json");
            res.set("Content-Encoding", "gzip");
            res.set("Content-Language", "en");
            res.set("Content-Range", "bytes 0-1/2");
            res.set("Vary", "Accept");
            throw new RuntimeException("headers before the error");
        });
        app.get("/error/after-write", (req, res) -> {
            res.write("partial");
            throw new RuntimeException("too late");
        });
        app.get("/error/after-send", (req, res, next) -> {
            res.send("complete");
            next.fail(new RuntimeException("after the response"));
        });
        app.get("/error/after-end-404", (req, res, next) -> {
            res.end("done");
            next.run();
        });
        app.get("/error/message-html", (req, res) -> {
            throw new HttpError(400, "<b>bold</b> & \"quoted\"");
        });

        app.get("/handled/sync", (req, res) -> {
            throw new RuntimeException("handled");
        });
        app.get("/handled/status", (req, res) -> {
            throw new HttpError(422, "handled with status");
        });
        app.use(
                "/handled",
                (err, req, res, next) -> res.status(err instanceof HttpError h ? h.status() : 500)
                        .json(obj("error", err.getMessage())));
        app.get("/handled-mw/throws", (req, res) -> {
            throw new RuntimeException("mw");
        });
        app.use("/handled-mw", (err, req, res, next) -> {
            throw new RuntimeException("the error handler threw");
        });
    }
}
