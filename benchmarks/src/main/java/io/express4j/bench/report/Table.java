package io.express4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tab-separated file with a header line, as the benchmark scripts write them; missing file = no rows. */
record Table(List<String> columns, List<Map<String, String>> rows) {
    static Table read(Path file) throws IOException {
        if (!Files.exists(file)) return new Table(List.of(), List.of());
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) return new Table(List.of(), List.of());
        List<String> columns = Arrays.asList(lines.get(0).split("\t", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) row.put(columns.get(i), i < cells.length ? cells[i] : "");
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    /** The rows of every {@code <prefix>*.tsv} in {@code dir} (same columns), in file-name order. */
    static Table readAll(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) return new Table(List.of(), List.of());
        List<Path> files;
        try (java.util.stream.Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".tsv"))
                    .sorted()
                    .toList();
        }
        List<String> columns = List.of();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Path f : files) {
            Table t = read(f);
            columns = t.columns();
            rows.addAll(t.rows());
        }
        return new Table(columns, rows);
    }

    /** The first row matching all {@code key, value} pairs, or null. */
    Map<String, String> find(String... keyValues) {
        outer:
        for (Map<String, String> row : rows) {
            for (int i = 0; i < keyValues.length; i += 2) {
                if (!keyValues[i + 1].equals(row.get(keyValues[i]))) continue outer;
            }
            return row;
        }
        return null;
    }

    /** Key/value lines ({@code key<TAB>value}, no header): repeated keys keep the last value. */
    static Map<String, String> readPairs(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file)) {
            int tab = line.indexOf('\t');
            if (tab > 0) out.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return out;
    }
}
