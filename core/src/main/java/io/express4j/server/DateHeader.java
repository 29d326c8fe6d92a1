package io.express4j.server;

import io.express4j.http.HttpDates;

/**
 * The {@code Date} response header, formatted at most once per second: formatting a date for every response would
 * cost more than the rest of the head.
 */
public final class DateHeader {
    private record Cached(long second, String value) {}

    private static volatile Cached cached = new Cached(-1, "");

    private DateHeader() {}

    public static String now() {
        long millis = System.currentTimeMillis();
        long second = millis / 1000;
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, HttpDates.format(second * 1000));
            cached = c;
        }
        return c.value;
    }
}
