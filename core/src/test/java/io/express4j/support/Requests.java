package io.express4j.support;

import io.express4j.App;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to an app served in process (the real pipeline, no port), for tests that make one or two requests
 * per app (supertest's {@code request(app).get(path).set(name, value)}). Headers are given as name/value pairs.
 */
public final class Requests {
    private Requests() {}

    public static RawResponse get(App app, String path, String... headerPairs) {
        return request(app, "GET", path, null, headerPairs);
    }

    public static RawResponse head(App app, String path, String... headerPairs) {
        return request(app, "HEAD", path, null, headerPairs);
    }

    public static RawResponse request(App app, String method, String path, String body, String... headerPairs) {
        try (TestServer server = TestServer.inProcess(app)) {
            return server.request(method, path, headers(headerPairs), body);
        }
    }

    public static Map<String, String> headers(String... pairs) {
        if (pairs.length % 2 != 0) throw new IllegalArgumentException("header name without a value");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) headers.put(pairs[i], pairs[i + 1]);
        return headers;
    }
}
