package io.express4j.http;

/**
 * The date-string grammar of V8's {@code Date.parse} (Node 20), re-expressed in Java so that
 * conditional-request dates are accepted or rejected exactly as Express does. See {@link
 * HttpDates} for the resulting rules; this class only splits the text into fields.
 *
 * <p>It first tries the ES5 ISO format; whatever that leaves over is fed to the legacy parser,
 * which collects numbers into date and time fields, reads month names, AM/PM and zone words, and
 * fails on stray signs, {@code )} or unknown words once a number was seen. A NUL character ends
 * the input, as in V8.
 */
final class DateParser {

  private static final int NONE = Integer.MAX_VALUE;

  // token tags (keywords use their keyword type, >= 0)
  private static final int T_INVALID = -6;
  private static final int T_UNKNOWN = -5;
  private static final int T_WHITESPACE = -4;
  private static final int T_NUMBER = -3;
  private static final int T_SYMBOL = -2;
  private static final int T_END = -1;

  // keyword types
  private static final int K_UNKNOWN_WORD = 0;
  private static final int K_MONTH = 1;
  private static final int K_ZONE = 2;
  private static final int K_TIME_SEPARATOR = 3;
  private static final int K_AM_PM = 4;

  /** Keyword prefixes (max three letters), their type and value. */
  private static final String[] KEYWORDS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "am", "pm", "ut", "utc", "z", "gmt", "cdt", "cst", "edt", "est", "mdt", "mst", "pdt", "pst", "t"
  };
  private static final int[] KEYWORD_TYPES = {
    K_MONTH, K_MONTH, K_MONTH, K_MONTH, K_MONTH, K_MONTH, K_MONTH, K_MONTH, K_MONTH, K_MONTH,
    K_MONTH, K_MONTH, K_AM_PM, K_AM_PM, K_ZONE, K_ZONE, K_ZONE, K_ZONE, K_ZONE, K_ZONE, K_ZONE,
    K_ZONE, K_ZONE, K_ZONE, K_ZONE, K_ZONE, K_TIME_SEPARATOR
  };
  private static final int[] KEYWORD_VALUES = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0, 12, 0, 0, 0, 0, -5, -6, -4, -5, -6, -7, -7, -8, 0
  };

  private static final Token END = new Token(T_END, 0, -1);
  private static final Token INVALID = new Token(T_INVALID, 0, -1);
  private static final Token UNKNOWN = new Token(T_UNKNOWN, 1, -1);

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

  private record Token(int tag, int length, int value) {
    boolean isNumber() {
      return tag == T_NUMBER;
    }

    boolean isFixedLengthNumber(int len) {
      return tag == T_NUMBER && length == len;
    }

    boolean isSymbol(char c) {
      return tag == T_SYMBOL && value == c;
    }

    boolean isSign() {
      return tag == T_SYMBOL && (value == '+' || value == '-');
    }

    int sign() {
      return value == '+' ? 1 : -1;
    }

    boolean isKeyword() {
      return tag >= 0;
    }

    boolean isZoneZ() {
      return tag == K_ZONE && length == 1 && value == 0;
    }
  }

  private final String text;
  private int index; // one past the current character, as in V8's reader
  private int ch; // current character, 0 at the end
  private Token next;

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
    this.text = text;
    advance();
    next = scan();
  }

  /** The fields of the text, or {@code null} where {@code Date.parse} gives NaN. */
  Result parse() {
    Token token = parseIso();
    if (token.tag == T_INVALID) {
      return null;
    }
    boolean hasReadNumber = dayIndex > 0;
    for (; token.tag != T_END; token = next()) {
      if (token.isNumber()) {
        hasReadNumber = true;
        int n = token.value;
        if (skipSymbol(':')) {
          if (skipSymbol(':')) {
            if (timeIndex != 0) {
              return null;
            }
            timeAdd(n);
            timeAdd(0);
          } else {
            if (!timeAdd(n)) {
              return null;
            }
            if (next.isSymbol('.')) {
              next();
            }
          }
        } else if (skipSymbol('.') && timeExpects(n)) {
          timeAdd(n);
          if (!next.isNumber()) {
            return null;
          }
          timeAddFinal(milliseconds(next()));
        } else if (tzHour != NONE && tzMinute == NONE && isMinute(n)) {
          tzMinute = n;
        } else if (timeExpects(n)) {
          timeAddFinal(n);
          // a finished time must be followed by the end, a space, "Z" or a sign
          if (next.tag != T_END && next.tag != T_WHITESPACE && !next.isZoneZ() && !next.isSign()) {
            return null;
          }
        } else {
          if (dayIndex >= dayComp.length) {
            return null;
          }
          dayComp[dayIndex++] = n;
          skipSymbol('-');
        }
      } else if (token.isKeyword()) {
        if (token.tag == K_AM_PM && timeIndex != 0) {
          hourOffset = token.value;
        } else if (token.tag == K_MONTH) {
          namedMonth = token.value;
          skipSymbol('-');
        } else if (token.tag == K_ZONE && hasReadNumber) {
          setZoneHours(token.value);
        } else {
          // unknown words are only allowed before the first number, and not glued to it
          if (hasReadNumber || next.isNumber()) {
            return null;
          }
        }
      } else if (token.isSign() && ((tzHour == 0 && tzMinute == 0) || timeIndex != 0)) {
        tzSign = token.sign();
        int n = 0;
        int length = 0;
        if (next.isNumber()) {
          Token number = next();
          length = number.length;
          n = number.value;
        }
        hasReadNumber = true;
        if (next.isSymbol(':')) {
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

  /** The ES5 ISO part; returns the first token left for the legacy parser, END or INVALID. */
  private Token parseIso() {
    if (next.isSign()) {
      Token signToken = next();
      if (!next.isFixedLengthNumber(6)) {
        return signToken;
      }
      int sign = signToken.sign();
      int year = next().value;
      if (sign < 0 && year == 0) {
        return signToken;
      }
      dayComp[dayIndex++] = sign * year;
    } else if (next.isFixedLengthNumber(4)) {
      dayComp[dayIndex++] = next().value;
    } else {
      return next();
    }
    if (skipSymbol('-')) {
      if (!next.isFixedLengthNumber(2) || !isMonth(next.value)) {
        return next();
      }
      dayComp[dayIndex++] = next().value;
      if (skipSymbol('-')) {
        if (!next.isFixedLengthNumber(2) || !isDay(next.value)) {
          return next();
        }
        dayComp[dayIndex++] = next().value;
      }
    }
    if (next.tag != K_TIME_SEPARATOR) {
      if (next.tag != T_END) {
        return next();
      }
    } else {
      next();
      if (!next.isFixedLengthNumber(2) || next.value < 0 || next.value > 24) {
        return INVALID;
      }
      boolean hourIs24 = next.value == 24;
      timeAdd(next().value);
      if (!skipSymbol(':')) {
        return INVALID;
      }
      if (!next.isFixedLengthNumber(2) || !isMinute(next.value) || (hourIs24 && next.value > 0)) {
        return INVALID;
      }
      timeAdd(next().value);
      if (skipSymbol(':')) {
        if (!next.isFixedLengthNumber(2) || !isSecond(next.value) || (hourIs24 && next.value > 0)) {
          return INVALID;
        }
        timeAdd(next().value);
        if (skipSymbol('.')) {
          if (!next.isNumber() || (hourIs24 && next.value > 0)) {
            return INVALID;
          }
          timeAdd(milliseconds(next()));
        }
      }
      if (next.isZoneZ()) {
        next();
        setZoneHours(0);
      } else if (next.isSign()) {
        tzSign = next().sign();
        if (next.isFixedLengthNumber(4)) {
          int hourMinute = next().value;
          int hour = hourMinute / 100;
          int minute = hourMinute % 100;
          if (!isHour(hour) || !isMinute(minute)) {
            return INVALID;
          }
          tzHour = hour;
          tzMinute = minute;
        } else {
          if (!next.isFixedLengthNumber(2) || !isHour(next.value)) {
            return INVALID;
          }
          tzHour = next().value;
          if (!skipSymbol(':')) {
            return INVALID;
          }
          if (!next.isFixedLengthNumber(2) || !isMinute(next.value)) {
            return INVALID;
          }
          tzMinute = next().value;
        }
      }
      if (next.tag != T_END) {
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
    if (!isHour(hour) || !isMinute(minute) || !isSecond(second) || millisecond < 0
        || millisecond > 999) {
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
    int value = number.value;
    int length = number.length;
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

  // --- tokenizer ---

  private Token next() {
    Token result = next;
    next = scan();
    return result;
  }

  private boolean skipSymbol(char symbol) {
    if (next.isSymbol(symbol)) {
      next = scan();
      return true;
    }
    return false;
  }

  private void advance() {
    ch = index < text.length() ? text.charAt(index) : 0;
    index++;
  }

  private Token scan() {
    int start = index;
    if (ch == 0) {
      return END;
    }
    if (ch >= '0' && ch <= '9') {
      int n = 0;
      int digits = 0;
      while (ch >= '0' && ch <= '9') {
        if (digits < 9) {
          n = n * 10 + (ch - '0'); // further digits are counted but ignored
        }
        digits++;
        advance();
      }
      return new Token(T_NUMBER, index - start, n);
    }
    if (ch == ':' || ch == '-' || ch == '+' || ch == '.' || ch == ')') {
      int symbol = ch;
      advance();
      return new Token(T_SYMBOL, 1, symbol);
    }
    if (ch >= 'A') {
      // a "word": every character from 'A' up, non-ASCII included
      int p0 = 0;
      int p1 = 0;
      int p2 = 0;
      int length = 0;
      for (; ch >= 'A'; advance(), length++) {
        int lower = ch | 0x20;
        if (length == 0) {
          p0 = lower;
        } else if (length == 1) {
          p1 = lower;
        } else if (length == 2) {
          p2 = lower;
        }
      }
      for (int k = 0; k < KEYWORDS.length; k++) {
        String kw = KEYWORDS[k];
        if (p0 == charOrZero(kw, 0)
            && p1 == charOrZero(kw, 1)
            && p2 == charOrZero(kw, 2)
            && (length <= 3 || KEYWORD_TYPES[k] == K_MONTH)) {
          return new Token(KEYWORD_TYPES[k], length, KEYWORD_VALUES[k]);
        }
      }
      return new Token(K_UNKNOWN_WORD, length, 0);
    }
    if (JsText.isWhitespace((char) ch)) {
      advance();
      return new Token(T_WHITESPACE, index - start, -1);
    }
    if (ch == '(') {
      int balance = 0;
      do {
        if (ch == ')') {
          balance--;
        } else if (ch == '(') {
          balance++;
        }
        advance();
      } while (balance > 0 && ch != 0);
      return UNKNOWN;
    }
    advance();
    return UNKNOWN;
  }

  private static int charOrZero(String s, int i) {
    return i < s.length() ? s.charAt(i) : 0;
  }
}
