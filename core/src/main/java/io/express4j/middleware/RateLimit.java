package io.express4j.middleware;

import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.RateLimitInfo;
import io.express4j.RateLimitOptions;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.http.HttpDates;
import io.express4j.http.IpKeys;
import io.express4j.http.RateLimitHeaders;
import io.express4j.log.Logs;
import io.express4j.spi.ClientRateLimitInfo;
import io.express4j.spi.RateLimitStore;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * express-rate-limit 8: counts each request under its key in a fixed window, sets the chosen headers, and refuses
 * requests past the limit (429 with a message by default).
 */
public final class RateLimit implements Middleware {
    private static final Logger log = Logs.get(RateLimit.class);

    private final RateLimitOptions options;
    private final RateLimitStore store;
    private final Function<Request, String> keyGenerator;

    public RateLimit(RateLimitOptions options, RateLimitStore store) {
        this.options = options;
        this.store = store;
        int subnet = options.ipv6Subnet();
        this.keyGenerator = options.keyGenerator() != null
                ? options.keyGenerator()
                : req -> IpKeys.key(String.valueOf(req.ip()), subnet);
        store.init(options.windowMs());
    }

    @Override
    public void handle(Request req, Response res, Next next) throws Exception {
        if (options.skip().test(req)) {
            next.run();
            return;
        }
        String key = keyGenerator.apply(req);
        ClientRateLimitInfo hits;
        try {
            hits = store.increment(key);
        } catch (RuntimeException e) {
            if (!options.passOnStoreError()) throw e;
            log.error("express4j rate limit: error from store, allowing request without rate-limiting", e);
            next.run();
            return;
        }
        int limit = options.limit().applyAsInt(req);
        RateLimitInfo info = new RateLimitInfo(
                limit, hits.totalHits(), Math.max(limit - hits.totalHits(), 0), hits.resetTime(), key);
        req.attr(options.requestPropertyName(), info);
        if (options.legacyHeaders()) setLegacyHeaders(res, info);
        if (options.standardHeaders() != null) setStandardHeaders(req, res, info);
        if (options.skipSuccessfulRequests() || options.skipFailedRequests()) {
            res.onFinished(err -> takeBackIfSkipped(req, res, err, key, hits.resetTime()));
        }
        if (hits.totalHits() <= limit) {
            next.run();
            return;
        }
        if ((options.legacyHeaders() || options.standardHeaders() != null) && !res.headersSent()) {
            long retryAfter = options.retryAfter() != null
                    ? options.retryAfter().applyAsInt(req)
                    : RateLimitHeaders.resetSeconds(options.windowMs(), info.resetTime(), now());
            res.setHeader("Retry-After", Long.toString(retryAfter));
        }
        if (options.handler() != null) {
            options.handler().handle(req, res, next);
            return;
        }
        res.status(options.statusCode());
        if (!res.finished()) res.send(options.message().apply(req));
    }

    /**
     * express-rate-limit's decrement once the response is over: a response cut off by the connection closing counts
     * as failed; otherwise {@code requestWasSuccessful} decides. A hit from a window that has since reset is left
     * alone (the new window never counted it); errors from the test or the store are logged, as there.
     */
    private void takeBackIfSkipped(Request req, Response res, Throwable aborted, String key, Instant resetTime) {
        boolean skipped;
        if (aborted != null) {
            skipped = options.skipFailedRequests();
        } else {
            boolean success;
            try {
                success = options.requestWasSuccessful().test(req, res);
            } catch (RuntimeException e) {
                log.error("express4j rate limit: error in requestWasSuccessful callback", e);
                return;
            }
            skipped = success ? options.skipSuccessfulRequests() : options.skipFailedRequests();
        }
        if (!skipped || (resetTime != null && now() >= resetTime.toEpochMilli())) return;
        try {
            store.decrement(key);
        } catch (RuntimeException e) {
            log.error("express4j rate limit: error from store during decrement", e);
        }
    }

    private static void setLegacyHeaders(Response res, RateLimitInfo info) {
        if (res.headersSent()) return;
        res.setHeader("X-RateLimit-Limit", Integer.toString(info.limit()));
        res.setHeader("X-RateLimit-Remaining", Integer.toString(info.remaining()));
        if (info.resetTime() != null) {
            // express-rate-limit dates the response itself, so that Date and the reset time agree
            res.setHeader("Date", HttpDates.format(now()));
            res.setHeader("X-RateLimit-Reset", RateLimitHeaders.legacyReset(info.resetTime()));
        }
    }

    private void setStandardHeaders(Request req, Response res, RateLimitInfo info) {
        if (res.headersSent()) return;
        long windowMs = options.windowMs();
        long reset = RateLimitHeaders.resetSeconds(windowMs, info.resetTime(), now());
        switch (options.standardHeaders()) {
            case "draft-6" -> {
                res.setHeader("RateLimit-Policy", RateLimitHeaders.policy(info.limit(), windowMs));
                res.setHeader("RateLimit-Limit", Integer.toString(info.limit()));
                res.setHeader("RateLimit-Remaining", Integer.toString(info.remaining()));
                res.setHeader("RateLimit-Reset", Long.toString(reset));
            }
            case "draft-7" -> {
                res.setHeader("RateLimit-Policy", RateLimitHeaders.policy(info.limit(), windowMs));
                res.setHeader("RateLimit", RateLimitHeaders.draft7(info.limit(), info.remaining(), reset));
            }
            default -> {
                String name = options.identifier() != null
                        ? options.identifier().apply(req)
                        : RateLimitHeaders.quotaName(info.limit(), windowMs);
                res.append("RateLimit", RateLimitHeaders.draft8(name, info.remaining(), reset));
                res.append("RateLimit-Policy", RateLimitHeaders.draft8Policy(name, info.limit(), windowMs, info.key()));
            }
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
