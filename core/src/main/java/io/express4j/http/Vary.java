package io.express4j.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Vary} header arithmetic of npm {@code vary} 1.1.2 ({@code res.vary}, {@code res.format},
 * {@code res.redirect}): field names must be tokens; {@code *} absorbs everything; names already present are not
 * added again (compared case-insensitively, the first spelling kept); new names are appended with {@code ", "}.
 */
public final class Vary {
    private Vary() {}

    /**
     * vary's {@code append(header, field)} for a field given as one string, which may itself be a comma-separated
     * list ({@code "Accept, Origin"}).
     *
     * @throws IllegalArgumentException {@code field argument is required} for an empty field,
     *     {@code field argument contains an invalid header name} for a name that is not a token
     */
    public static String append(String header, String field) {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("field argument is required");
        }
        return append(header, parse(field));
    }

    /** vary's {@code append(header, fields)} for an array of names (used as given, not split on commas). */
    public static String append(String header, List<String> fields) {
        if (header == null) {
            throw new IllegalArgumentException("header argument is required");
        }
        for (String f : fields) {
            if (f == null || f.isEmpty() || !HeaderValidation.isToken(f)) {
                throw new IllegalArgumentException("field argument contains an invalid header name");
            }
        }
        if (header.equals("*")) {
            return header;
        }
        String val = header;
        List<String> vals = parse(header.toLowerCase(Locale.ROOT));
        if (fields.contains("*") || vals.contains("*")) {
            return "*";
        }
        for (String field : fields) {
            String lower = field.toLowerCase(Locale.ROOT);
            if (!vals.contains(lower)) {
                vals.add(lower);
                val = val.isEmpty() ? field : val + ", " + field;
            }
        }
        return val;
    }

    /** vary's tokenizer: split on commas, spaces around a name dropped, empty names kept. */
    static List<String> parse(String header) {
        List<String> list = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (int i = 0; i < header.length(); i++) {
            switch (header.charAt(i)) {
                case ' ' -> {
                    if (start == end) {
                        start = end = i + 1;
                    }
                }
                case ',' -> {
                    list.add(header.substring(start, end));
                    start = end = i + 1;
                }
                default -> end = i + 1;
            }
        }
        list.add(header.substring(start, end));
        return list;
    }
}
