package io.express4j.middleware;

import io.express4j.Request;
import io.express4j.Response;
import java.util.Locale;

/**
 * What morgan keeps about one request (its {@code req._startAt}, {@code res._startAt}, {@code req._remoteAddress}):
 * when the request reached the logger, when the head started to be written, the client's address, and which of
 * the headers the server adds while writing the head were absent then — Node adds those to the wire only, so
 * morgan's {@code :res[content-length]} is {@code -} for a body Express did not measure.
 */
final class RequestTiming {
    private static final String ATTRIBUTE = "express4j.morgan.timing";
    private static final String[] SERVER_ADDED = {
        "content-length", "transfer-encoding", "date", "connection", "keep-alive"
    };

    private final long requestStart;
    private final String remoteAddress;
    private volatile long responseStart;
    private volatile boolean headStarted;
    private volatile int absentAtHead;

    private RequestTiming(long requestStart, String remoteAddress) {
        this.requestStart = requestStart;
        this.remoteAddress = remoteAddress;
    }

    /** Starts the clock for {@code req} (a later logger on the same request restarts it, as in morgan). */
    static RequestTiming start(Request req) {
        RequestTiming timing = new RequestTiming(System.nanoTime(), req.ip());
        req.attr(ATTRIBUTE, timing);
        return timing;
    }

    static RequestTiming of(Request req) {
        Object timing = req.attr(ATTRIBUTE);
        return timing instanceof RequestTiming t ? t : null;
    }

    /** An on-headers listener: the head is about to be written. */
    void headStarting(Response res) {
        int absent = 0;
        for (int i = 0; i < SERVER_ADDED.length; i++) {
            if (!res.hasHeader(SERVER_ADDED[i])) absent |= 1 << i;
        }
        absentAtHead = absent;
        responseStart = System.nanoTime();
        headStarted = true;
    }

    boolean headStarted() {
        return headStarted;
    }

    double responseTimeMillis() {
        return (responseStart - requestStart) / 1e6;
    }

    double totalTimeMillis() {
        return (System.nanoTime() - requestStart) / 1e6;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    /** Whether {@code field} was absent when the head started, so only the server's framing put it there. */
    boolean addedByServer(String field) {
        if (!headStarted) return false;
        String lower = field.toLowerCase(Locale.ROOT);
        for (int i = 0; i < SERVER_ADDED.length; i++) {
            if (SERVER_ADDED[i].equals(lower)) return (absentAtHead & (1 << i)) != 0;
        }
        return false;
    }
}
