package io.express4j.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code Range} header parsing as npm {@code range-parser} 1.3.0 (what {@code req.range()} and
 * {@code send} use), with {@code long} positions so files over 2 GiB work. Result: {@link Ranges}
 * that is malformed (-2), unsatisfiable (-1), or a unit plus inclusive byte ranges.
 */
public final class RangeParser {

    private RangeParser() {}

    /** One inclusive range {@code [start, end]}. */
    public record Range(long start, long end) {}

    /**
     * Outcome of a parse. {@code status} is {@link #OK}, {@link #UNSATISFIABLE} or {@link #MALFORMED};
     * for {@code OK}, {@code type} is the unit before {@code =} (not validated, e.g. {@code bytes})
     * and {@code ranges} is non-empty.
     */
    public record Ranges(int status, String type, List<Range> ranges) {
        public static final int OK = 0;
        public static final int UNSATISFIABLE = -1;
        public static final int MALFORMED = -2;

        public Ranges {
            ranges = List.copyOf(ranges);
        }

        public boolean isUnsatisfiable() {
            return status == UNSATISFIABLE;
        }

        public boolean isMalformed() {
            return status == MALFORMED;
        }

        public boolean isOk() {
            return status == OK;
        }

        static Ranges of(int status) {
            return new Ranges(status, null, List.of());
        }
    }

    /** {@code parse(size, header)} without combining. */
    public static Ranges parse(long size, String header) {
        return parse(size, header, false);
    }

    /**
     * range-parser: the header is {@code unit=spec,spec,…}; each spec is {@code a-b}, {@code a-}
     * (to the end) or {@code -n} (last n bytes); the end is clamped to {@code size-1}; specs that are
     * unsatisfiable ({@code start > end} or negative start) are dropped, and if none remain the
     * result is unsatisfiable. Any spec without {@code -} or with a non-digit position makes the
     * whole header malformed. With {@code combine}, overlapping and adjacent ranges are merged and
     * the merged list is ordered by the position of its earliest-listed member.
     *
     * @throws IllegalArgumentException {@code argument str must be a string} for a {@code null} header
     */
    public static Ranges parse(long size, String header, boolean combine) {
        if (header == null) {
            throw new IllegalArgumentException("argument str must be a string");
        }
        int eq = header.indexOf('=');
        if (eq == -1) {
            return Ranges.of(Ranges.MALFORMED);
        }
        String type = header.substring(0, eq);
        List<Range> ranges = new ArrayList<>();
        for (String spec : header.substring(eq + 1).split(",", -1)) {
            int dash = spec.indexOf('-');
            if (dash == -1) {
                return Ranges.of(Ranges.MALFORMED);
            }
            String startStr = JsStrings.trim(spec.substring(0, dash));
            String endStr = JsStrings.trim(spec.substring(dash + 1));
            long start = parsePos(startStr);
            long end = parsePos(endStr);
            if (startStr.isEmpty()) {
                if (end < 0) {
                    return Ranges.of(Ranges.MALFORMED);
                }
                start = size - end;
                end = size - 1;
            } else if (endStr.isEmpty()) {
                end = size - 1;
            }
            if (start == NAN && !startStr.isEmpty() || end == NAN) {
                return Ranges.of(Ranges.MALFORMED);
            }
            if (end > size - 1) {
                end = size - 1;
            }
            if (start > end || start < 0) {
                continue;
            }
            ranges.add(new Range(start, end));
        }
        if (ranges.isEmpty()) {
            return Ranges.of(Ranges.UNSATISFIABLE);
        }
        return new Ranges(Ranges.OK, type, combine ? combine(ranges) : ranges);
    }

    /** Marker for a position that is not all ASCII digits (JavaScript NaN). */
    private static final long NAN = Long.MIN_VALUE;

    /** Digits only, as a number; very long numbers saturate (they only ever exceed the size). */
    private static long parsePos(String s) {
        if (s.isEmpty()) {
            return NAN;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NAN;
            }
            v = v > (Long.MAX_VALUE - (c - '0')) / 10 ? Long.MAX_VALUE : v * 10 + (c - '0');
        }
        return v;
    }

    private record Indexed(long start, long end, int index) {}

    private static List<Range> combine(List<Range> ranges) {
        List<Indexed> ordered = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            ordered.add(new Indexed(ranges.get(i).start(), ranges.get(i).end(), i));
        }
        ordered.sort(Comparator.comparingLong(Indexed::start));
        List<Indexed> merged = new ArrayList<>();
        merged.add(ordered.get(0));
        for (int i = 1; i < ordered.size(); i++) {
            Indexed range = ordered.get(i);
            Indexed current = merged.get(merged.size() - 1);
            if (range.start() > current.end() + 1) {
                merged.add(range);
            } else if (range.end() > current.end()) {
                // extend; as in range-parser, only an extending range can lower the index
                merged.set(
                        merged.size() - 1,
                        new Indexed(current.start(), range.end(), Math.min(current.index(), range.index())));
            }
        }
        merged.sort(Comparator.comparingInt(Indexed::index));
        List<Range> out = new ArrayList<>(merged.size());
        for (Indexed m : merged) {
            out.add(new Range(m.start(), m.end()));
        }
        return out;
    }
}
