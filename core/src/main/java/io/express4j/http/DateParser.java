package io.express4j.http;

import static io.express4j.http.DateTokenizer.END;
import static io.express4j.http.DateTokenizer.INVALID;
import static io.express4j.http.DateTokenizer.K_AM_PM;
import static io.express4j.http.DateTokenizer.K_MONTH;
import static io.express4j.http.DateTokenizer.K_TIME_SEPARATOR;
import static io.express4j.http.DateTokenizer.K_ZONE;
import static io.express4j.http.DateTokenizer.T_END;
import static io.express4j.http.DateTokenizer.T_INVALID;
import static io.express4j.http.DateTokenizer.T_WHITESPACE;

import io.express4j.http.DateTokenizer.Token;

/**
 * The date-string grammar of V8's {@code Date.parse} (Node 20), re-expressed in Java so that
 * conditional-request dates are accepted or rejected exactly as Express does. See {@link
 * HttpDates} for the resulting rules; this class only splits the text into fields.
 *
 * <p>It first tries the ES5 ISO format; whatever that leaves over is fed to the legacy parser,
 * which collects numbers into date and time fields, reads month names, AM/PM and zone words, and
 * fails on stray signs, {@code )} or unknown words once a number was seen.
 */
final class DateParser {

    private static final int NONE = Integer.MAX_VALUE;

    /** Parsed fields; month is 1-12; {@code utcOffsetSeconds} is null when the text had no zone. */
    record Result(
            int year,
            int month,
            int day,
            int hour,
            int minute,
            int second,
            int millisecond,
            Integer utcOffsetSeconds) {}

    private final DateTokenizer lexer;

    // day composer
    private final int[] dayComp = new int[3];
    private int dayIndex;
    private int namedMonth = NONE;
    private boolean isoDate;

    // time composer
    private final int[] timeComp = new int[4];
    private int timeIndex;
    private int hourOffset = NONE;

    // zone composer
    private int tzSign = NONE;
    private int tzHour = NONE;
    private int tzMinute = NONE;

    DateParser(String text) {
        this.lexer = new DateTokenizer(text);
    }

    /** The fields of the text, or {@code null} where {@code Date.parse} gives NaN. */
    Result parse() {
        Token token = parseIso();
        if (token.tag() == T_INVALID) {
            return null;
        }
        boolean hasReadNumber = dayIndex > 0;
        for (; token.tag() != T_END; token = next()) {
            if (token.isNumber()) {
                hasReadNumber = true;
                int n = token.value();
                if (skip(':')) {
                    if (skip(':')) {
                        if (timeIndex != 0) {
                            return null;
                        }
                        timeAdd(n);
                        timeAdd(0);
                    } else {
                        if (!timeAdd(n)) {
                            return null;
                        }
                        if (peek().isSymbol('.')) {
                            next();
                        }
                    }
                } else if (skip('.') && timeExpects(n)) {
                    timeAdd(n);
                    if (!peek().isNumber()) {
                        return null;
                    }
                    timeAddFinal(milliseconds(next()));
                } else if (tzHour != NONE && tzMinute == NONE && isMinute(n)) {
                    tzMinute = n;
                } else if (timeExpects(n)) {
                    timeAddFinal(n);
                    // a finished time must be followed by the end, a space, "Z" or a sign
                    Token after = peek();
                    if (after.tag() != T_END && after.tag() != T_WHITESPACE && !after.isZoneZ() && !after.isSign()) {
                        return null;
                    }
                } else {
                    if (dayIndex >= dayComp.length) {
                        return null;
                    }
                    dayComp[dayIndex++] = n;
                    skip('-');
                }
            } else if (token.isKeyword()) {
                if (token.tag() == K_AM_PM && timeIndex != 0) {
                    hourOffset = token.value();
                } else if (token.tag() == K_MONTH) {
                    namedMonth = token.value();
                    skip('-');
                } else if (token.tag() == K_ZONE && hasReadNumber) {
                    setZoneHours(token.value());
                } else {
                    // unknown words are only allowed before the first number, and not glued to it
                    if (hasReadNumber || peek().isNumber()) {
                        return null;
                    }
                }
            } else if (token.isSign() && ((tzHour == 0 && tzMinute == 0) || timeIndex != 0)) {
                tzSign = token.sign();
                int n = 0;
                int length = 0;
                if (peek().isNumber()) {
                    Token number = next();
                    length = number.length();
                    n = number.value();
                }
                hasReadNumber = true;
                if (peek().isSymbol(':')) {
                    tzHour = n;
                    tzMinute = NONE;
                } else if (length == 1 || length == 2) {
                    tzHour = n;
                    tzMinute = 0;
                } else if (length == 3 || length == 4) {
                    tzHour = n / 100;
                    tzMinute = n % 100;
                } else {
                    return null;
                }
            } else if ((token.isSign() || token.isSymbol(')')) && hasReadNumber) {
                return null;
            }
            // anything else (whitespace, other punctuation, parenthesised text) is ignored
        }
        return compose();
    }

    private Token peek() {
        return lexer.peek();
    }

    private Token next() {
        return lexer.next();
    }

    private boolean skip(char symbol) {
        return lexer.skipSymbol(symbol);
    }

    /** The ES5 ISO part; returns the first token left for the legacy parser, END or INVALID. */
    private Token parseIso() {
        if (peek().isSign()) {
            Token signToken = next();
            if (!peek().isFixedLengthNumber(6)) {
                return signToken;
            }
            int sign = signToken.sign();
            int year = next().value();
            if (sign < 0 && year == 0) {
                return signToken;
            }
            dayComp[dayIndex++] = sign * year;
        } else if (peek().isFixedLengthNumber(4)) {
            dayComp[dayIndex++] = next().value();
        } else {
            return next();
        }
        if (skip('-')) {
            if (!peek().isFixedLengthNumber(2) || !isMonth(peek().value())) {
                return next();
            }
            dayComp[dayIndex++] = next().value();
            if (skip('-')) {
                if (!peek().isFixedLengthNumber(2) || !isDay(peek().value())) {
                    return next();
                }
                dayComp[dayIndex++] = next().value();
            }
        }
        if (peek().tag() != K_TIME_SEPARATOR) {
            if (peek().tag() != T_END) {
                return next();
            }
        } else {
            next();
            if (!peek().isFixedLengthNumber(2) || peek().value() < 0 || peek().value() > 24) {
                return INVALID;
            }
            boolean hourIs24 = peek().value() == 24;
            timeAdd(next().value());
            if (!skip(':')) {
                return INVALID;
            }
            Token mm = peek();
            if (!mm.isFixedLengthNumber(2) || !isMinute(mm.value()) || (hourIs24 && mm.value() > 0)) {
                return INVALID;
            }
            timeAdd(next().value());
            if (skip(':')) {
                Token ss = peek();
                if (!ss.isFixedLengthNumber(2) || !isSecond(ss.value()) || (hourIs24 && ss.value() > 0)) {
                    return INVALID;
                }
                timeAdd(next().value());
                if (skip('.')) {
                    if (!peek().isNumber() || (hourIs24 && peek().value() > 0)) {
                        return INVALID;
                    }
                    timeAdd(milliseconds(next()));
                }
            }
            if (peek().isZoneZ()) {
                next();
                setZoneHours(0);
            } else if (peek().isSign()) {
                tzSign = next().sign();
                if (peek().isFixedLengthNumber(4)) {
                    int hourMinute = next().value();
                    int hour = hourMinute / 100;
                    int minute = hourMinute % 100;
                    if (!isHour(hour) || !isMinute(minute)) {
                        return INVALID;
                    }
                    tzHour = hour;
                    tzMinute = minute;
                } else {
                    if (!peek().isFixedLengthNumber(2) || !isHour(peek().value())) {
                        return INVALID;
                    }
                    tzHour = next().value();
                    if (!skip(':')) {
                        return INVALID;
                    }
                    if (!peek().isFixedLengthNumber(2) || !isMinute(peek().value())) {
                        return INVALID;
                    }
                    tzMinute = next().value();
                }
            }
            if (peek().tag() != T_END) {
                return INVALID;
            }
        }
        // ES: a date-only form without offset is UTC, a date-time form is local time
        if (tzHour == NONE && timeIndex == 0) {
            setZoneHours(0);
        }
        isoDate = true;
        return END;
    }

    private Result compose() {
        // day
        if (dayIndex < 1) {
            return null;
        }
        while (dayIndex < dayComp.length) {
            dayComp[dayIndex++] = 1; // missing month/day default to 1 (a missing year too: 2001)
        }
        int year;
        int month;
        int day;
        if (namedMonth == NONE) {
            if (isoDate || !isDay(dayComp[0])) {
                year = dayComp[0];
                month = dayComp[1];
                day = dayComp[2];
            } else {
                month = dayComp[0];
                day = dayComp[1];
                year = dayComp[2];
            }
        } else {
            month = namedMonth;
            if (!isDay(dayComp[0])) {
                year = dayComp[0];
                day = dayComp[1];
            } else {
                day = dayComp[0];
                year = dayComp[1];
            }
        }
        if (!isoDate) {
            if (year >= 0 && year <= 49) {
                year += 2000;
            } else if (year >= 50 && year <= 99) {
                year += 1900;
            }
        }
        if (!isMonth(month) || !isDay(day)) {
            return null;
        }

        // time
        while (timeIndex < timeComp.length) {
            timeComp[timeIndex++] = 0;
        }
        int hour = timeComp[0];
        int minute = timeComp[1];
        int second = timeComp[2];
        int millisecond = timeComp[3];
        if (hourOffset != NONE) {
            if (hour < 0 || hour > 12) {
                return null;
            }
            hour = hour % 12 + hourOffset;
        }
        if (!isHour(hour) || !isMinute(minute) || !isSecond(second) || millisecond < 0 || millisecond > 999) {
            if (hour != 24 || minute != 0 || second != 0 || millisecond != 0) {
                return null; // only 24:00:00.000 may exceed the ranges
            }
        }

        // zone
        Integer offset = null;
        if (tzSign != NONE) {
            long h = tzHour == NONE ? 0 : tzHour;
            long m = tzMinute == NONE ? 0 : tzMinute;
            long total = ((h * 3600) + (m * 60)) & 0xFFFF_FFFFL; // V8 computes this in uint32
            if (total > Integer.MAX_VALUE) {
                return null;
            }
            offset = tzSign < 0 ? -(int) total : (int) total;
        }
        return new Result(year, month, day, hour, minute, second, millisecond, offset);
    }

    // --- composers' small helpers ---

    private boolean timeAdd(int n) {
        if (timeIndex >= timeComp.length) {
            return false;
        }
        timeComp[timeIndex++] = n;
        return true;
    }

    private void timeAddFinal(int n) {
        if (timeAdd(n)) {
            while (timeIndex < timeComp.length) {
                timeComp[timeIndex++] = 0;
            }
        }
    }

    private boolean timeExpects(int n) {
        return (timeIndex == 1 && isMinute(n))
                || (timeIndex == 2 && isSecond(n))
                || (timeIndex == 3 && n >= 0 && n <= 999);
    }

    private void setZoneHours(int offsetHours) {
        tzSign = offsetHours < 0 ? -1 : 1;
        tzHour = Math.abs(offsetHours);
        tzMinute = 0;
    }

    /** The first three significant digits of a fraction, judged by its digit count. */
    private static int milliseconds(Token number) {
        int value = number.value();
        int length = number.length();
        if (length == 1) {
            return value * 100;
        }
        if (length == 2) {
            return value * 10;
        }
        if (length > 3) {
            length = Math.min(length, 9);
            int factor = 1;
            while (length > 3) {
                factor *= 10;
                length--;
            }
            return value / factor;
        }
        return value;
    }

    private static boolean isMonth(int x) {
        return x >= 1 && x <= 12;
    }

    private static boolean isDay(int x) {
        return x >= 1 && x <= 31;
    }

    private static boolean isHour(int x) {
        return x >= 0 && x <= 23;
    }

    private static boolean isMinute(int x) {
        return x >= 0 && x <= 59;
    }

    private static boolean isSecond(int x) {
        return x >= 0 && x <= 59;
    }
}
