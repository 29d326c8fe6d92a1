package io.express4j.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code bytes} 3.1.2 package's {@code parse}: sizes like {@code "100kb"}, {@code "1.5mb"} or {@code "512"} in
 * bytes (units are powers of 1024, case-insensitive; a bare number is bytes, read as {@code parseInt} reads it).
 */
public final class Bytes {
    private static final Pattern UNIT =
            Pattern.compile("^((-|\\+)?(\\d+(?:\\.\\d+)?)) *(kb|mb|gb|tb|pb)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_INT = Pattern.compile("^[+-]?\\d+");

    private Bytes() {}

    /** The number of bytes, or null when the text is not a size (so {@code bytes.parse} returns null). */
    public static Long parse(String value) {
        if (value == null) return null;
        Matcher m = UNIT.matcher(value);
        double amount;
        long unit = 1;
        if (m.matches()) {
            amount = Double.parseDouble(m.group(1));
            unit = switch (m.group(4).toLowerCase(Locale.ROOT)) {
                case "kb" -> 1L << 10;
                case "mb" -> 1L << 20;
                case "gb" -> 1L << 30;
                case "tb" -> 1L << 40;
                default -> 1L << 50;
            };
        } else {
            // parseInt(value, 10): leading whitespace, a sign, digits; anything after them is ignored
            Matcher digits = LEADING_INT.matcher(JsStrings.trim(value));
            if (!digits.find()) return null;
            amount = Double.parseDouble(digits.group());
        }
        return (long) Math.floor(unit * amount);
    }
}
