package io.express4j.send;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Duration strings as the npm {@code ms} package (2.1.3) reads them for {@code maxAge}: a number, optionally
 * followed by spaces and a unit ({@code ms}, {@code s}, {@code m}, {@code h}, {@code d}, {@code w}, {@code y} and
 * their long forms, any case): {@code "20000"}, {@code "20s"}, {@code "1.5 hours"}, {@code "1d"}.
 */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile(
            "^(-?(?:\\d+)?\\.?\\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h"
                    + "|days?|d|weeks?|w|years?|yrs?|y)?$",
            Pattern.CASE_INSENSITIVE);
    private static final double SECOND = 1000;
    private static final double MINUTE = SECOND * 60;
    private static final double HOUR = MINUTE * 60;
    private static final double DAY = HOUR * 24;

    private Durations() {}

    /** Milliseconds, or NaN where {@code ms} returns undefined (unknown format, or over 100 characters). */
    public static double parseMillis(String text) {
        if (text.length() > 100) return Double.NaN;
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) return Double.NaN;
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
        return n
                * switch (unit) {
                    case "years", "year", "yrs", "yr", "y" -> DAY * 365.25;
                    case "weeks", "week", "w" -> DAY * 7;
                    case "days", "day", "d" -> DAY;
                    case "hours", "hour", "hrs", "hr", "h" -> HOUR;
                    case "minutes", "minute", "mins", "min", "m" -> MINUTE;
                    case "seconds", "second", "secs", "sec", "s" -> SECOND;
                    default -> 1;
                };
    }
}
