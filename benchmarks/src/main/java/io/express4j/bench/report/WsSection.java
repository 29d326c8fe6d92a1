package io.express4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The RESULTS.md section of {@code benchmarks/ws.sh}: WebSocket echo round trips, express4j ÷ Javalin. */
final class WsSection {
    private WsSection() {}

    static void write(Path dir, Consumer<String> line) throws IOException {
        Path tsv = dir.resolve("ws.tsv");
        if (!Files.exists(tsv)) return;
        Map<String, String> meta = Table.readPairs(dir.resolve("ws.meta"));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(tsv);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split("\t");
            if (cells.length < 3 || cells[2].isBlank()) continue;
            rates.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(Double.parseDouble(cells[2]));
        }
        line.accept("## WebSocket echo round trips (`benchmarks/ws.sh`)");
        line.accept("");
        line.accept("`" + meta.getOrDefault("command", "benchmarks/ws.sh") + "` on " + meta.getOrDefault("date", "?")
                + " (commit " + meta.getOrDefault("commit", "?") + ", load average before "
                + meta.getOrDefault("load_before", "?") + "). Client: `" + meta.getOrDefault("client", "") + "`.");
        if (meta.containsKey("note")) {
            line.accept("");
            line.accept("> " + meta.get("note"));
        }
        line.accept("");
        line.accept("| server | round trips/s (median) | rounds | ÷ Javalin |");
        line.accept("|---|---:|---|---:|");
        Double javalin = median(rates.get("javalin"));
        rates.forEach((server, values) -> {
            double m = median(values);
            line.accept("| " + server + " | " + Math.round(m) + " | "
                    + values.stream().map(Math::round).toList() + " | "
                    + (javalin == null ? "" : String.format("%.2f×", m / javalin)) + " |");
        });
        line.accept("");
        line.accept("Each client sends a text message and waits for its echo before the next. express4j: "
                + "`ws.onMessage(ws::send)`, callbacks on a virtual thread; Javalin 7 (Jetty 12, "
                + "`useVirtualThreads`): `ws.onMessage(ctx -> ctx.send(ctx.message()))`. Target: ≥ 1.0× Javalin "
                + "(issue 16).");
        line.accept("");
    }

    private static Double median(List<Double> values) {
        if (values == null || values.isEmpty()) return null;
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
