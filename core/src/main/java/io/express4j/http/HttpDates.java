package io.express4j.http;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * HTTP dates the way Node produces and reads them: {@link #format} is JS {@code
 * Date#toUTCString} (IMF-fixdate, used for {@code Date}, {@code Last-Modified}, cookie {@code
 * Expires}), and {@link #parse} is V8's {@code Date.parse}, which {@code fresh} and {@code send}
 * use for {@code If-Modified-Since}, {@code If-Unmodified-Since} and {@code If-Range}.
 *
 * <p>{@code Date.parse} first tries the ES5 ISO format ({@code 2024-01-02T03:04:05Z}; a date-only
 * form is UTC, a date-time without offset is local time) and otherwise falls back to V8's lenient
 * legacy parser: numbers, {@code hh:mm[:ss[.mmm]]}, month names (any word starting with the three
 * letters), {@code am}/{@code pm}, zones {@code UT UTC GMT Z EST EDT CST CDT MST MDT PST PDT} and
 * {@code +hhmm}/{@code -hh:mm} offsets; unknown words before the first number (weekdays) and
 * parenthesised text are ignored, two-digit years 0-49 mean 20xx and 50-99 mean 19xx, and a day
 * beyond the month's end rolls over. That covers IMF-fixdate, RFC 850 ({@code Sunday, 06-Nov-94
 * 08:49:37 GMT}) and asctime ({@code Sun Nov  6 08:49:37 1994}, local time). Strings without a
 * zone are read in the JVM's default zone, as Node reads them in the process's.
 */
public final class HttpDates {

    /** What {@link #parse} returns where JS {@code Date.parse} returns NaN. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long MS_PER_DAY = 86_400_000L;
    private static final long MAX_TIME = 8_640_000_000_000_000L;
    private static final long MAX_TIME_BEFORE_UTC = MAX_TIME + 864_000_000L;

    private static final String[] DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    /** Last formatted second; Date headers repeat it for every response within that second. */
    private static volatile Formatted lastFormatted = new Formatted(Long.MIN_VALUE, "");

    private record Formatted(long second, String text) {}

    private HttpDates() {}

    /**
     * IMF-fixdate of an epoch time, e.g. {@code Tue, 02 Jan 2024 03:04:05 GMT}; milliseconds are
     * dropped. Like JS, years before 1 are written with a sign ({@code -0001}) and a time outside
     * the JS range (±8.64e15 ms) gives {@code Invalid Date}.
     */
    public static String format(long epochMillis) {
        if (epochMillis > MAX_TIME || epochMillis < -MAX_TIME) {
            return "Invalid Date";
        }
        long second = Math.floorDiv(epochMillis, 1000);
        Formatted cached = lastFormatted;
        if (cached.second == second) {
            return cached.text;
        }
        String text = formatSecond(second);
        lastFormatted = new Formatted(second, text);
        return text;
    }

    private static String formatSecond(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400);
        int secOfDay = Math.floorMod(epochSecond, 86_400);
        long[] ymd = civilFromDays(days);
        long year = ymd[0];
        int month = (int) ymd[1];
        int day = (int) ymd[2];
        int weekday = Math.floorMod(days + 4, 7); // 1970-01-01 was a Thursday
        StringBuilder sb = new StringBuilder(29);
        sb.append(DAYS[weekday]).append(", ");
        pad2(sb, day);
        sb.append(' ').append(MONTHS[month - 1]).append(' ');
        if (year < 0) {
            sb.append('-');
        }
        String digits = Long.toString(Math.abs(year));
        for (int i = digits.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(digits).append(' ');
        pad2(sb, secOfDay / 3600);
        sb.append(':');
        pad2(sb, secOfDay / 60 % 60);
        sb.append(':');
        pad2(sb, secOfDay % 60);
        return sb.append(" GMT").toString();
    }

    private static void pad2(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /**
     * JS {@code Date.parse(text)}: epoch milliseconds, or {@link #INVALID} (never -1, which is a
     * valid instant) where JS gives NaN. Zone-less strings are read in the JVM default zone.
     */
    public static long parse(String text) {
        return parse(text, null);
    }

    /** {@link #parse(String)} with zone-less strings read in {@code localZone}. */
    public static long parse(String text, ZoneId localZone) {
        if (text == null) {
            return INVALID;
        }
        DateParser.Result r = new DateParser(text).parse();
        if (r == null) {
            return INVALID;
        }
        if (r.year() < -1_000_000 || r.year() > 1_000_000) {
            return INVALID;
        }
        long days = daysFromCivil(r.year(), r.month(), 1) + r.day() - 1;
        long timeOfDay = ((r.hour() * 60L + r.minute()) * 60L + r.second()) * 1000L + r.millisecond();
        long local = days * MS_PER_DAY + timeOfDay;
        long utc;
        if (r.utcOffsetSeconds() == null) {
            if (local < -MAX_TIME_BEFORE_UTC || local > MAX_TIME_BEFORE_UTC) {
                return INVALID;
            }
            utc = localToUtc(local, localZone != null ? localZone : ZoneId.systemDefault());
        } else {
            utc = local - r.utcOffsetSeconds() * 1000L;
        }
        return utc < -MAX_TIME || utc > MAX_TIME ? INVALID : utc;
    }

    /**
     * A wall-clock time in {@code zone} to UTC; in a gap or overlap the offset in force before the
     * transition is used, as V8 (ICU "former" rule) does.
     */
    private static long localToUtc(long localMillis, ZoneId zone) {
        long seconds = Math.floorDiv(localMillis, 1000);
        int millis = Math.floorMod(localMillis, 1000);
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(seconds, millis * 1_000_000, ZoneOffset.UTC);
        return ZonedDateTime.ofLocal(ldt, zone, null).toInstant().toEpochMilli();
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int shiftedMonth = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** {year, month 1-12, day} of a day count since 1970-01-01. */
    static long[] civilFromDays(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return new long[] {year, month, day};
    }
}
