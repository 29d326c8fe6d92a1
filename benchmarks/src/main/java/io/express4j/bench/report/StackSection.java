package io.express4j.bench.report;

import static io.express4j.bench.report.Report.fmt0;
import static io.express4j.bench.report.Report.fmt1;
import static io.express4j.bench.report.Report.fmt2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RESULTS.md's section on issue 15's load tests: the typical middleware stack ({@code stack-small},
 * {@code stack-json}) against each server's own bare plaintext, express4j's stack against Express's, and gzip / br
 * throughput on a 100 KiB body ({@code gzip-100k}, {@code br-100k}). Only express4j and Express serve these routes.
 */
final class StackSection {
    /** The tests this section reports; the raw-Netty tables leave them out (raw Netty does not serve them). */
    static final Set<String> TESTS = Set.of("stack-small", "stack-json", "gzip-100k", "br-100k");

    private static final List<String> SERVERS = List.of("express4j", "express4j-el", "express4j-aot", "express");

    private final LoadMedians medians;
    private final List<String> out = new ArrayList<>();

    private StackSection(LoadMedians medians) {
        this.medians = medians;
    }

    /** Whether load.tsv holds any of these tests. */
    static boolean present(Table load) {
        return load.rows().stream().anyMatch(row -> TESTS.contains(row.get("test")));
    }

    /**
     * The section's lines. {@code runLine} says where the figures come from when they are not the main run's
     * (null when they are).
     */
    static List<String> render(Table load, String runLine) {
        StackSection s = new StackSection(new LoadMedians(load));
        s.write(runLine);
        return s.out;
    }

    private void write(String runLine) {
        line("## Typical middleware stack and compression (issue 15)");
        line();
        line("`/stack/*` runs helmet, cors, compression, morgan (`combined`, appended to a file) and a session with the"
                + " memory store before the route; wrk asks as a browser does (`Accept-Encoding: gzip, deflate, br`, no"
                + " cookie, so each request gets a fresh session that is not saved). Each server is compared with its own"
                + " bare `GET /plaintext` in the same run. Same npm packages on the Express side (versions in"
                + " `benchmarks/node/package.json`).");
        line();
        if (runLine != null) {
            line(runLine);
            line();
        }
        line("Requests/s, and in brackets requests per second of server CPU time (req/s ÷ the server's CPU share):"
                + " on a quiet machine the two tell the same story; on a loaded one the server gets only part of its"
                + " core, and the second is the steadier measure.");
        line();
        line("| server | plaintext | stack, 13 B body | ÷ its plaintext | stack, 10 KiB JSON (br) | ÷ its plaintext |");
        line("|---|---:|---:|---:|---:|---:|");
        for (String server : SERVERS) {
            Double plain = medians.rps(server, "plaintext");
            Double small = medians.rps(server, "stack-small");
            Double json = medians.rps(server, "stack-json");
            if (small == null && json == null) continue;
            line("| " + Report.SERVER_NAMES.getOrDefault(server, server) + " | " + both(server, "plaintext") + " | "
                    + both(server, "stack-small") + " | " + ratio(small, plain) + " ("
                    + ratio(perCpu(server, "stack-small"), perCpu(server, "plaintext")) + ") | "
                    + both(server, "stack-json") + " | " + ratio(json, plain) + " ("
                    + ratio(perCpu(server, "stack-json"), perCpu(server, "plaintext")) + ") |");
        }
        line();
        line("| target | measured | status |");
        line("|---|---|---|");
        Double small = medians.rps("express4j", "stack-small");
        Double plain = medians.rps("express4j", "plaintext");
        target("express4j with the stack ≥ 0.6× its bare plaintext (13 B)", small, plain, 0.6);
        target("… per server CPU-second", perCpu("express4j", "stack-small"), perCpu("express4j", "plaintext"), 0.6);
        target(
                "express4j with the stack ≥ 0.6× its bare plaintext (10 KiB JSON)",
                medians.rps("express4j", "stack-json"),
                plain,
                0.6);
        target("… per server CPU-second", perCpu("express4j", "stack-json"), perCpu("express4j", "plaintext"), 0.6);
        target("express4j's stack ≥ 8× Express's (13 B)", small, medians.rps("express", "stack-small"), 8);
        target("… per server CPU-second", perCpu("express4j", "stack-small"), perCpu("express", "stack-small"), 8);
        target(
                "express4j's stack ≥ 8× Express's (10 KiB JSON)",
                medians.rps("express4j", "stack-json"),
                medians.rps("express", "stack-json"),
                8);
        target("… per server CPU-second", perCpu("express4j", "stack-json"), perCpu("express", "stack-json"), 8);
        line();
        compression();
    }

    private void compression() {
        if (medians.rps("express4j", "gzip-100k") == null && medians.rps("express", "gzip-100k") == null) return;
        line("### compression alone, a 100 KiB text body (`GET /compress/100k`)");
        line();
        line(
                "| server | gzip req/s (per CPU-s) | gzip MiB/s on the wire | br req/s (per CPU-s) | br MiB/s on the wire |");
        line("|---|---:|---:|---:|---:|");
        for (String server : SERVERS) {
            Double gzip = medians.rps(server, "gzip-100k");
            Double br = medians.rps(server, "br-100k");
            if (gzip == null && br == null) continue;
            line("| " + Report.SERVER_NAMES.getOrDefault(server, server) + " | " + both(server, "gzip-100k") + " | "
                    + fmt1(medians.metric(server, "gzip-100k", "mib_s")) + " | " + both(server, "br-100k") + " | "
                    + fmt1(medians.metric(server, "br-100k", "mib_s")) + " |");
        }
        line("| express4j ÷ Express | "
                + ratio(medians.rps("express4j", "gzip-100k"), medians.rps("express", "gzip-100k")) + " ("
                + ratio(perCpu("express4j", "gzip-100k"), perCpu("express", "gzip-100k")) + ") | | "
                + ratio(medians.rps("express4j", "br-100k"), medians.rps("express", "br-100k")) + " ("
                + ratio(perCpu("express4j", "br-100k"), perCpu("express", "br-100k")) + ") | |");
        line();
        line("gzip is zlib level 6 on both sides (the JDK's zlib, Node's); br is quality 4 (compression's default;"
                + " brotli4j, Node's brotli). One request compresses the whole body once.");
        line();
    }

    /** Requests per second of server CPU time: req/s ÷ (CPU % / 100); null when either is unknown. */
    private Double perCpu(String server, String test) {
        Double rps = medians.rps(server, test);
        Double cpu = medians.metric(server, test, "cpu_pct");
        return rps == null || cpu == null || cpu <= 0 ? null : rps / (cpu / 100);
    }

    private String both(String server, String test) {
        Double rps = medians.rps(server, test);
        return rps == null ? "—" : fmt0(rps) + " (" + fmt0(perCpu(server, test)) + ")";
    }

    private void target(String label, Double measured, Double base, double min) {
        boolean known = measured != null && base != null && base > 0;
        line("| " + label + " | "
                + (known
                        ? fmt2(measured / base) + "× (" + fmt0(measured) + " vs " + fmt0(base)
                                + (label.startsWith("…") ? " req per CPU-s)" : " req/s)")
                        : "not measured")
                + " | " + (known ? (measured / base >= min ? "met" : "**missed**") : "—") + " |");
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? "—" : fmt2(a / b) + "×";
    }

    private void line(String s) {
        out.add(s);
    }

    private void line() {
        out.add("");
    }
}
