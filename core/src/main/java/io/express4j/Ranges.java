package io.express4j;

import java.util.List;

/**
 * What {@link Request#range} returns, range-parser's answer: {@code status} is 0 with the unit ({@code type}, e.g.
 * {@code bytes}) and the inclusive {@code ranges}, or -1 (unsatisfiable) / -2 (malformed) with no ranges, as
 * Express returns -1 / -2 instead of the array (compare {@code status()} with {@link #UNSATISFIABLE} and
 * {@link #MALFORMED}). {@code ranges()} serialises like Express's array.
 */
public record Ranges(int status, String type, List<Range> ranges) {
    public static final int OK = 0;
    public static final int UNSATISFIABLE = -1;
    public static final int MALFORMED = -2;

    /** One inclusive range {@code [start, end]}. */
    public record Range(long start, long end) {}

    public Ranges {
        ranges = List.copyOf(ranges);
    }
}
