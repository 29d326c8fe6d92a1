package io.express4j;

import io.express4j.http.EncodeUrl;
import io.express4j.http.Html;
import io.express4j.http.StatusCodes;
import io.express4j.http.Urls;
import io.express4j.log.Logs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * What answers when the app's stack is exhausted (finalhandler 2.x): the 404 page {@code Cannot GET /path}, or the
 * error page — the error's stack trace outside production, the reason phrase in production.
 */
final class FinalHandler {
    private static final Logger log = Logs.get("io.express4j");
    private static final String[] STATUS_ACCESSORS = {"status", "getStatus", "statusCode", "getStatusCode"};
    private static final Map<Class<?>, Method> accessors = new ConcurrentHashMap<>();
    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FinalHandler() {}

    static void handle(Throwable err, Request req, Response res) {
        try {
            respond(err, req, res);
        } catch (RuntimeException e) {
            log.debug("could not send the final response", e);
            res.destroy();
        }
    }

    private static void respond(Throwable err, Request req, Response res) {
        if (err == null && res.headersSent()) return;
        int status;
        Map<String, String> headers = Map.of();
        String message;
        String env = String.valueOf(req.app().get("env"));
        if (err != null) {
            int fromError = statusOf(err);
            if (fromError > 0) {
                status = fromError;
                if (err instanceof HttpError http) headers = http.headers();
            } else {
                int current = res.statusCode();
                status = current >= 400 && current <= 599 ? current : 500;
            }
            // a status without a reason phrase (599) prints JavaScript's undefined on the production page
            message =
                    env.equals("production") ? Objects.toString(StatusCodes.reason(status), "undefined") : stackOf(err);
            if (!env.equals("test")) log.error("{} {}", req.method(), req.originalUrl(), err);
        } else {
            status = 404;
            message = "Cannot " + req.method() + " " + EncodeUrl.encode(Urls.pathname(req.originalUrl()));
        }
        if (res.headersSent()) {
            res.destroy();
            return;
        }
        byte[] body = Html.errorDocument(message).getBytes(StandardCharsets.UTF_8);
        res.statusCode(status);
        res.statusMessage(StatusCodes.reasonOrUnknown(status));
        res.removeHeader("Content-Encoding");
        res.removeHeader("Content-Language");
        res.removeHeader("Content-Range");
        headers.forEach(res::setHeader);
        res.setHeader("Content-Security-Policy", "default-src 'none'");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Content-Length", Integer.toString(body.length));
        if (req.method().equals("HEAD")) res.end();
        else res.end(body);
    }

    /**
     * The status an error carries, 400–599, or 0: {@link HttpError}'s, or that of any exception with a public
     * {@code status()}, {@code getStatus()}, {@code statusCode()} or {@code getStatusCode()} returning an int —
     * the Java reading of Express's {@code err.status || err.statusCode}.
     */
    static int statusOf(Throwable err) {
        int status = 0;
        if (err instanceof HttpError http) {
            status = http.status();
        } else {
            Method accessor = accessors.computeIfAbsent(err.getClass(), FinalHandler::findAccessor);
            if (accessor != NONE) {
                try {
                    status = ((Number) accessor.invoke(err)).intValue();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    status = 0;
                }
            }
        }
        return status >= 400 && status <= 599 ? status : 0;
    }

    private static Method findAccessor(Class<?> type) {
        for (String name : STATUS_ACCESSORS) {
            try {
                Method m = type.getMethod(name);
                if (m.getReturnType() == int.class || m.getReturnType() == Integer.class) {
                    m.setAccessible(true);
                    return m;
                }
            } catch (NoSuchMethodException | RuntimeException ignored) {
                // try the next name
            }
        }
        return NONE;
    }

    /**
     * The error's stack trace as Java prints it, with each tab as four spaces — V8's indent — so the page reads like
     * Express's ({@code <br> &nbsp; &nbsp;at …}) rather than carrying raw tabs.
     */
    private static String stackOf(Throwable err) {
        StringWriter out = new StringWriter();
        err.printStackTrace(new PrintWriter(out));
        return out.toString()
                .replace(System.lineSeparator(), "\n")
                .stripTrailing()
                .replace("\t", "    ");
    }
}
