package io.express4j.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RESULTS.md's section for {@code benchmarks/observability.sh}: plaintext requests/s with express4j-micrometer,
 * express4j-opentelemetry or both installed, relative to the same app without them in the same run (issue 17's
 * goal: at most 15 % less with both).
 */
final class ObservabilitySection {
    private static final List<String> MODES = List.of("plain", "metrics", "tracing", "both");
    private static final Map<String, String> TITLES = Map.of(
            "plain", "no observability middleware",
            "metrics", "`Express4jMetrics.middleware` (Prometheus registry)",
            "tracing", "`Express4jTelemetry.middleware` (SDK, every span sampled, batched, dropped)",
            "both", "both");

    private ObservabilitySection() {}

    /** The section's lines, or none when the script has not run. */
    static List<String> lines(Path dir) throws IOException {
        Table runs = Table.read(dir.resolve("observability.tsv"));
        List<String> out = new ArrayList<>();
        if (runs.rows().isEmpty()) return out;
        Map<String, String> meta = Table.readPairs(dir.resolve("observability.meta"));
        out.add("## Observability overhead (`benchmarks/observability.sh`)");
        out.add("");
        out.add("Run " + meta.getOrDefault("date", "undated") + " on commit " + meta.getOrDefault("commit", "?")
                + " with `" + meta.getOrDefault("command", "benchmarks/observability.sh") + "` (load average before: "
                + meta.getOrDefault("load_before", "?") + ", after: " + meta.getOrDefault("load_after", "?")
                + "); each round `" + meta.getOrDefault("wrk", "wrk") + "`, modes interleaved."
                + (meta.containsKey("note") ? " " + meta.get("note") : ""));
        out.add("");
        out.add(
                "| middleware | server CPU µs / request | ÷ plain | median req/s | ÷ plain | p50 ms | p99 ms | errors |");
        out.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        Double plainCpu = median(runs, "plain", "cpu_us_per_request");
        Double plainRps = median(runs, "plain", "rps");
        for (String mode : MODES) {
            Double rps = median(runs, mode, "rps");
            if (rps == null) continue;
            Double cpu = median(runs, mode, "cpu_us_per_request");
            out.add("| " + TITLES.get(mode) + " | " + Report.fmt1(cpu) + " | " + ratio(cpu, plainCpu) + " | "
                    + Report.fmt0(rps) + " | " + ratio(rps, plainRps) + " | "
                    + Report.fmt2(median(runs, mode, "p50_ms")) + " | " + Report.fmt2(median(runs, mode, "p99_ms"))
                    + " | " + Report.fmt0(sum(runs, mode, "errors")) + " |");
        }
        out.add("");
        out.add("Medians over the rounds. Server CPU is the server process's user + system time during a round "
                + "divided by the requests it answered: on a busy machine requests/s follows the CPU share the "
                + "server is given from moment to moment, while CPU time per request stays what the code costs, so "
                + "it is the figure to read.");
        out.add("");
        Double bothCpu = median(runs, "both", "cpu_us_per_request");
        if (plainCpu != null && bothCpu != null) {
            // a server bound by its core answers requests in proportion to 1 / CPU per request
            double fewer = (1 - plainCpu / bothCpu) * 100;
            out.add(String.format(
                    Locale.ROOT,
                    "Issue 17's goal, metrics + tracing costing at most 15 %% of plaintext throughput: %s (%.1f µs "
                            + "more CPU per request, %.1f %% fewer requests/s for a server bound by its core). "
                            + "Plaintext is the worst case: its handler does nothing, so the middleware's own work "
                            + "(a timer sample and record, a span with its attributes, a histogram record; both end "
                            + "their work in an on-finished listener marked `Express.nonBlocking`, so no virtual "
                            + "thread is started for it) is all the difference.",
                    fewer <= 15 ? "met" : "**missed**",
                    bothCpu - plainCpu,
                    fewer));
            out.add("");
        }
        return out;
    }

    private static Double median(Table runs, String mode, String column) {
        return LoadMedians.median(values(runs, mode, column));
    }

    private static Double sum(Table runs, String mode, String column) {
        return values(runs, mode, column).stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    private static String ratio(Double value, Double plain) {
        return value == null || plain == null ? "—" : Report.fmt2(value / plain) + "×";
    }

    private static List<Double> values(Table runs, String mode, String column) {
        List<Double> out = new ArrayList<>();
        for (Map<String, String> row : runs.rows()) {
            if (!mode.equals(row.get("mode"))) continue;
            Double v = Report.num(row.get(column));
            if (v != null) out.add(v);
        }
        return out;
    }
}
