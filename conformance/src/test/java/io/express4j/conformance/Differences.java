package io.express4j.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The deliberate differences, read from the table in {@code conformance/DIFFERENCES.md}: rows
 * {@code | `case id or pattern` | kind | reason |}, where a pattern may use {@code *} for any run of characters.
 * The first matching row wins. The kind ({@code deliberate}, {@code pending <feature>}, {@code pending fix}) is
 * shown next to the case when it differs.
 */
final class Differences {
    record Entry(String pattern, Pattern regex, String kind, String reason) {
        /** A feature express4j does not have yet (kind {@code pending <feature>}, not {@code pending fix}). */
        boolean isPendingFeature() {
            return kind.startsWith("pending ") && !kind.equals("pending fix");
        }

        boolean matches(String id) {
            return regex.matcher(id).matches();
        }
    }

    private final List<Entry> entries;

    private Differences(List<Entry> entries) {
        this.entries = entries;
    }

    static Differences load(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("| `")) continue;
            String[] cells = line.split("\\|", -1);
            if (cells.length < 5) throw new IllegalArgumentException("DIFFERENCES.md: a row needs 3 cells: " + line);
            String pattern = cells[1].strip().replace("`", "");
            String kind = cells[2].strip();
            String reason = cells[3].strip();
            if (kind.isEmpty() || reason.isEmpty()) {
                throw new IllegalArgumentException("DIFFERENCES.md: kind and reason are required: " + line);
            }
            entries.add(new Entry(pattern, glob(pattern), kind, reason));
        }
        return new Differences(entries);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) regex.append(".*");
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** The first row for a case, or null. */
    Entry find(String id) {
        for (Entry e : entries) if (e.matches(id)) return e;
        return null;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The rows (their patterns) that match none of {@code ids}. */
    List<String> unmatched(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (ids.stream().noneMatch(e::matches)) out.add(e.pattern());
        }
        return out;
    }
}
