package io.express4j.test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A response's status line and header lines, names as sent and in order. */
record ResponseHead(String version, int status, String reason, List<Map.Entry<String, String>> fields) {

    /** Every value of a header (any case), in order. */
    List<String> values(String name) {
        return fields.stream()
                .filter(f -> f.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The values of a header joined with ", " as Node joins repeated ones; null when absent. */
    String value(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    boolean chunked() {
        String te = value("transfer-encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    boolean interim() {
        return status >= 100 && status < 200 && status != 101;
    }
}
