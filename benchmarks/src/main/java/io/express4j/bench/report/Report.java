package io.express4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes benchmarks/RESULTS.md from the raw data the scripts leave in benchmarks/results/: machine.tsv,
 * load.tsv, servers.tsv, features.tsv (run.sh), scale-*.tsv and scale.meta (scale.sh), profile-*.txt
 * (profile.sh), jmh.csv and jmh.meta (jmh.sh), tls.tsv and tls.meta (tls.sh). Every section is regenerated from whatever data is there, so the scripts can run in any order.
 */
public final class Report {
    static final String BASELINE = "netty";
    static final List<String> SERVER_ORDER =
            List.of("express4j", "express4j-el", "express4j-aot", "netty", "express", "fastify", "javalin");
    static final Map<String, String> SERVER_NAMES = Map.of(
            "express4j",
            "express4j (virtual threads)",
            "express4j-el",
            "express4j (event loop: Express.nonBlocking)",
            "express4j-aot",
            "express4j with a JDK AOT cache",
            "netty",
            "raw Netty (ceiling)",
            "express",
            "Express 5.3.0",
            "fastify",
            "Fastify 5.12.8",
            "javalin",
            "Javalin 7.2.3 (virtual threads)");
    static final Map<String, String> TEST_TITLES = Map.of(
            "plaintext", "plaintext — `GET /plaintext` (13 B `Hello, World!`), 50 connections",
            "plaintext-c256", "plaintext at c256 — `GET /plaintext`, 256 connections",
            "json", "JSON — `GET /json` (`{\"message\":\"Hello, World!\"}`), 50 connections",
            "static", "static file — `GET /static/1mib.bin` (1 MiB), 50 connections",
            "stream", "stream — `GET /stream` (1,000 writes × 1 KiB, chunked), 50 connections");

    private final Path dir;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> machine;
    private final Table load;
    private final Table servers;
    private final Table features;
    private final Table scale;
    private final LoadMedians medians;

    private Report(Path dir) throws IOException {
        this.dir = dir;
        machine = Table.readPairs(dir.resolve("machine.tsv"));
        load = Table.read(dir.resolve("load.tsv"));
        servers = Table.read(dir.resolve("servers.tsv"));
        features = Table.read(dir.resolve("features.tsv"));
        scale = Table.readAll(dir, "scale-");
        medians = new LoadMedians(load);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/results");
        Path target = Path.of(args.length > 1 ? args[1] : "benchmarks/RESULTS.md");
        Report r = new Report(dir);
        r.write();
        Files.writeString(target, r.out);
    }

    private void write() throws IOException {
        line("# express4j benchmarks");
        line();
        banner();
        howToRun();
        machineSection();
        summary();
        targets();
        perTest();
        serverTable();
        scaleSection();
        profiles();
        jmh();
        testClient();
        compression();
        out.append(TlsSection.render(dir));
        WsSection.write(dir, this::line);
        for (String l : ObservabilitySection.lines(dir)) line(l);
        http2();
        stack();
        notes();
    }

    /**
     * Issue 15's tests: from this run when it measured them, else from {@code stack/} beside the data (a separate,
     * shorter run: {@code RESULTS_DIR=benchmarks/results/stack benchmarks/run.sh --servers express4j,express
     * --tests plaintext,stack-small,stack-json,gzip-100k,br-100k …}).
     */
    private void stack() throws IOException {
        if (StackSection.present(load)) {
            StackSection.render(load, null).forEach(this::line);
            return;
        }
        Path sub = dir.resolve("stack");
        Table other = Table.read(sub.resolve("load.tsv"));
        if (!StackSection.present(other)) return;
        Map<String, String> meta = Table.readPairs(sub.resolve("machine.tsv"));
        String from = "From a separate, shorter run of express4j and Express only (data and command in"
                + " `benchmarks/results/stack/`): " + meta.getOrDefault("date", "undated") + " on commit "
                + meta.getOrDefault("commit", "?") + ", " + meta.getOrDefault("rounds", "") + "; load average "
                + meta.getOrDefault("load_before", "?") + " before, " + meta.getOrDefault("load_after", "?") + " after."
                + (meta.containsKey("note") ? " " + meta.get("note") : "");
        StackSection.render(other, from).forEach(this::line);
    }

    private void banner() {
        String mode = machine.getOrDefault("mode", "");
        String note = machine.get("note");
        if (mode.equals("quick") || note != null) {
            line("> **Provisional numbers** (" + machine.getOrDefault("date", "undated") + ")"
                    + (mode.equals("quick")
                            ? ": a `--quick` smoke run (1 round × 3 s per test), not a measurement."
                            : ".")
                    + (note == null ? "" : " " + note)
                    + " Re-run `benchmarks/run.sh` on a quiet machine for the real table.");
            line();
        }
    }

    private void howToRun() {
        line("## How to run");
        line();
        line("```sh");
        line(
                "benchmarks/run.sh              # load test, all servers and tests: 3 rounds × 10 s, medians (≈ 15–20 min)");
        line("benchmarks/run.sh --quick      # smoke run: 1 round × 3 s (≈ 3 min)");
        line(
                "benchmarks/scale.sh            # scale checks: 10k idle connections, 1,000 vs 10 routes, 1 GiB upload, slow reader");
        line("benchmarks/profile.sh          # JFR profile of express4j under plaintext and JSON load: hot methods");
        line("benchmarks/jmh.sh              # JMH micro-benchmarks (add a regex to pick some, e.g. jmh.sh ETag)");
        line("benchmarks/observability.sh    # plaintext with the metrics and tracing middleware vs without (≈ 6 min)");
        line("```");
        line();
        line("Each script builds what it needs (`mvn -pl benchmarks -am package -DskipTests`, `npm ci` in "
                + "`benchmarks/node`), installs `wrk` with apt-get if it is missing, writes its raw data to "
                + "`benchmarks/results/` and regenerates this file. `mvn verify` only compiles the benchmarks.");
        line();
        if (machine.containsKey("command")) {
            line("This report's load data came from:");
            line();
            line("```sh");
            line(machine.get("command"));
            machine.forEach((k, v) -> {
                if (k.startsWith("server_cmd_")) line(v + "    # " + k.substring("server_cmd_".length()));
            });
            line(machine.getOrDefault("wrk_cmd", ""));
            line("```");
            line();
        }
    }

    private void machineSection() {
        if (machine.isEmpty()) return;
        line("## Machine");
        line();
        line("| | |");
        line("|---|---|");
        for (String key : List.of(
                "date",
                "commit",
                "mode",
                "rounds",
                "nproc",
                "cpu",
                "memory",
                "kernel",
                "jdk",
                "node",
                "wrk",
                "java_opts",
                "pinning",
                "load_before",
                "load_after")) {
            if (machine.containsKey(key)) line("| " + key.replace('_', ' ') + " | " + machine.get(key) + " |");
        }
        line();
    }

    private List<String> serversPresent() {
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, String> row : load.rows()) seen.add(row.get("server"));
        List<String> ordered =
                new ArrayList<>(SERVER_ORDER.stream().filter(seen::contains).toList());
        seen.stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        return ordered;
    }

    /** The tests compared with raw Netty (issue 15's, which raw Netty does not serve, have their own section). */
    private List<String> testsPresent() {
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, String> row : load.rows()) {
            if (!StackSection.TESTS.contains(row.get("test"))) seen.add(row.get("test"));
        }
        return new ArrayList<>(seen);
    }

    private void summary() {
        if (load.rows().isEmpty()) return;
        List<String> srv = serversPresent();
        line("## Throughput relative to raw Netty");
        line();
        line("Median requests/s of each server ÷ raw Netty's in the same run (1.00 = raw Netty).");
        line();
        StringBuilder head = new StringBuilder("| test |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String s : srv) {
            head.append(' ').append(s).append(" |");
            rule.append("---:|");
        }
        line(head.toString());
        line(rule.toString());
        for (String t : testsPresent()) {
            StringBuilder row = new StringBuilder("| " + t + " |");
            for (String s : srv) row.append(' ').append(ratioCell(s, t)).append(" |");
            line(row.toString());
        }
        line();
    }

    private String ratioCell(String server, String test) {
        Double rps = medians.rps(server, test);
        if (rps == null) return pendingOrDash(server, test);
        Double base = medians.rps(BASELINE, test);
        return base == null || base == 0 ? "—" : fmt2(rps / base) + "×";
    }

    private String pendingOrDash(String server, String test) {
        Map<String, String> status = features.find("server", server, "test", test, "feature", "status");
        if (status != null && !"200".equals(status.get("value"))) return "pending (" + status.get("value") + ")";
        return "—";
    }

    private void targets() {
        if (load.rows().isEmpty() && scale.rows().isEmpty()) return;
        line("## Targets (issue 8) — where each stands");
        line();
        line("| target | measured | status |");
        line("|---|---|---|");
        ratioTarget("plaintext ≥ 0.7× raw Netty (c50)", "express4j", "plaintext", 0.7);
        ratioTarget("plaintext ≥ 0.7× raw Netty (c256)", "express4j", "plaintext-c256", 0.7);
        ratioTarget("JSON ≥ 0.7× raw Netty", "express4j", "json", 0.7);
        if (medians.rps("express4j-el", "json") != null) {
            String el = " — event loop (`Express.nonBlocking`)";
            ratioTarget("plaintext ≥ 0.7× raw Netty (c50)" + el, "express4j-el", "plaintext", 0.7);
            ratioTarget("plaintext ≥ 0.7× raw Netty (c256)" + el, "express4j-el", "plaintext-c256", 0.7);
            ratioTarget("JSON ≥ 0.7× raw Netty" + el, "express4j-el", "json", 0.7);
        }
        ratioTarget("1 MiB file ≥ 1.0× raw Netty", "express4j", "static", 1.0);
        Double ours = medians.rps("express4j", "stream");
        Double javalin = medians.rps("javalin", "stream");
        target(
                "stream ≥ Javalin",
                ours == null || javalin == null ? null : fmt0(ours) + " vs " + fmt0(javalin) + " req/s",
                ours == null || javalin == null ? null : ours >= javalin);
        Double p99 = medians.metric("express4j", "plaintext-c256", "p99_ms");
        Double p99n = medians.metric(BASELINE, "plaintext-c256", "p99_ms");
        target(
                "p99 at c256 ≤ 1.5× raw Netty's",
                p99 == null || p99n == null
                        ? null
                        : fmt2(p99) + " ms vs " + fmt2(p99n) + " ms (" + fmt2(p99 / p99n) + "×)",
                p99 == null || p99n == null ? null : p99 <= 1.5 * p99n);
        for (String s : List.of("express4j", "express4j-aot")) {
            Map<String, String> srv = servers.find("server", s);
            if (srv == null && !s.equals("express4j")) continue;
            String with = s.equals("express4j") ? "" : " (AOT cache)";
            Double startup = srv == null ? null : num(srv.get("startup_ms"));
            target(
                    "startup to first response ≤ 300 ms" + with,
                    startup == null ? null : fmt0(startup) + " ms",
                    startup == null ? null : startup <= 300);
            Double idle = srv == null ? null : num(srv.get("rss_idle_mib"));
            target(
                    "RSS idle ≤ 100 MiB" + with,
                    idle == null ? null : fmt1(idle) + " MiB",
                    idle == null ? null : idle <= 100);
            Double peak = srv == null ? null : num(srv.get("rss_peak_mib"));
            target(
                    "RSS peak ≤ 220 MiB under these loads" + with,
                    peak == null ? null : fmt1(peak) + " MiB",
                    peak == null ? null : peak <= 220);
        }
        scaleTarget("10k idle connections ≤ 100 MiB extra", "idle10k", "rss_added_mib", " MiB", v -> v <= 100);
        scaleTarget("1,000 routes ≤ 10 % slower than 10", "routes", "slowdown_pct", " % slower", v -> v <= 10);
        scaleTarget("1 GiB upload with heap ≤ 64 MiB", "upload", "peak_heap_mib", " MiB peak heap", v -> v <= 64);
        scaleTarget(
                "slow reader on a 200 MiB stream (no target: peak heap)",
                "slow_reader",
                "peak_heap_mib",
                " MiB peak heap",
                v -> true);
        line();
        line("Status is against the numbers above; on a busy machine a *missed* may be noise — re-run to confirm. "
                + "Why the missed ones stay missed, with the profiles and A/B runs behind it: "
                + "[HOTSPOTS.md](HOTSPOTS.md) (written by hand, dated).");
        line();
    }

    private void ratioTarget(String label, String server, String test, double min) {
        Double rps = medians.rps(server, test);
        Double base = medians.rps(BASELINE, test);
        if (rps == null && base != null) {
            target(label, pendingOrDash(server, test), null);
            return;
        }
        target(
                label,
                rps == null || base == null
                        ? null
                        : fmt2(rps / base) + "× (" + fmt0(rps) + " vs " + fmt0(base) + " req/s)",
                rps == null || base == null ? null : rps / base >= min);
    }

    private void scaleTarget(
            String label, String check, String metric, String unit, java.util.function.DoublePredicate ok) {
        Map<String, String> row = scale.find("check", check, "server", "express4j", "metric", metric);
        Double v = row == null ? null : num(row.get("value"));
        if (v != null && v < 0) { // e.g. 1,000 routes faster than 10: no slowdown the rounds' noise can show
            target(label, fmt1(v) + unit + " (no measurable slowdown: within the rounds' noise)", ok.test(0));
            return;
        }
        target(label, v == null ? null : fmt1(v) + unit, v == null ? null : ok.test(v));
    }

    private void target(String label, String measured, Boolean met) {
        line("| " + label + " | " + (measured == null ? "not measured" : measured) + " | "
                + (met == null ? "—" : met ? "met" : "**missed**") + " |");
    }

    private void perTest() {
        if (load.rows().isEmpty()) return;
        line("## Results per test");
        line();
        line("Medians over the rounds. *× raw Netty* is requests/s relative to raw Netty; server CPU is the server "
                + "process's user+system time over wall time (100 % = the one pinned core).");
        line();
        for (String t : testsPresent()) {
            line("### " + TEST_TITLES.getOrDefault(t, t));
            line();
            line("| server | req/s | × raw Netty | p50 ms | p99 ms | MiB/s | server CPU % | errors | ETag |"
                    + (t.equals("static") ? " Range |" : "") + " Content-Type |");
            line("|---|---:|---:|---:|---:|---:|---:|---:|---|" + (t.equals("static") ? "---|" : "") + "---|");
            for (String s : serversPresent()) {
                Double rps = medians.rps(s, t);
                String range = t.equals("static") ? " " + feature(s, t, "range") + " |" : "";
                if (rps == null) {
                    line("| " + name(s) + " | " + pendingOrDash(s, t) + " | | | | | | | |"
                            + (range.isEmpty() ? "" : " |") + " |");
                    continue;
                }
                line("| " + name(s) + " | " + fmt0(rps) + " | " + ratioCell(s, t) + " | "
                        + fmt2(medians.metric(s, t, "p50_ms")) + " | " + fmt2(medians.metric(s, t, "p99_ms")) + " | "
                        + fmt1(medians.metric(s, t, "mib_s")) + " | " + fmt0(medians.metric(s, t, "cpu_pct")) + " | "
                        + fmt0(medians.metric(s, t, "errors")) + " | " + feature(s, t, "etag") + " |" + range + " "
                        + feature(s, t, "content_type") + " |");
            }
            line();
        }
    }

    private String feature(String server, String test, String feature) {
        Map<String, String> row = features.find("server", server, "test", test, "feature", feature);
        return row == null || row.get("value").isEmpty() ? "—" : row.get("value");
    }

    private void serverTable() {
        if (servers.rows().isEmpty()) return;
        line("## Startup and memory");
        line();
        line("Startup: process start to the first 200 from `GET /plaintext` (polled every ~5 ms). RSS idle: VmRSS "
                + "one second after that. RSS peak: VmHWM after all the tests above.");
        line();
        line("| server | startup ms | RSS idle MiB | RSS peak MiB |");
        line("|---|---:|---:|---:|");
        for (String s : SERVER_ORDER) {
            Map<String, String> row = servers.find("server", s);
            if (row == null) continue;
            line("| " + name(s) + " | " + row.get("startup_ms") + " | " + row.get("rss_idle_mib") + " | "
                    + row.get("rss_peak_mib") + " |");
        }
        line();
    }

    private void scaleSection() throws IOException {
        if (scale.rows().isEmpty()) return;
        line("## Scale checks (`benchmarks/scale.sh`)");
        line();
        Map<String, String> meta = Table.readPairs(dir.resolve("scale.meta"));
        runLine(meta);
        line("| check | server | metric | value | note |");
        line("|---|---|---|---:|---|");
        for (Map<String, String> row : scale.rows()) {
            line("| " + row.get("check") + " | " + row.get("server") + " | " + row.get("metric") + " | "
                    + row.get("value") + " " + row.get("unit") + " | " + row.getOrDefault("note", "") + " |");
        }
        line();
    }

    private void profiles() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches("profile-.*\\.txt"))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) return;
        line("## Hot spots (`benchmarks/profile.sh`, JFR execution samples)");
        line();
        if (Files.exists(dir.resolveSibling("HOTSPOTS.md"))) {
            line("What these profiles and the JMH numbers say, and what to change: [HOTSPOTS.md](HOTSPOTS.md) "
                    + "(written by hand, dated; the raw views follow).");
            line();
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            line("### " + (lines.isEmpty() ? f.getFileName() : lines.get(0)));
            line();
            line("```");
            lines.stream().skip(1).forEach(this::line);
            line("```");
            line();
        }
    }

    private void jmh() throws IOException {
        Path csv = dir.resolve("jmh.csv");
        if (!Files.exists(csv)) return;
        line("## JMH micro-benchmarks (`benchmarks/jmh.sh`)");
        line();
        Map<String, String> meta = Table.readPairs(dir.resolve("jmh.meta"));
        runLine(meta);
        line("| benchmark | params | score | ± error (99.9 %) | unit |");
        line("|---|---|---:|---:|---|");
        for (List<String> row : Csv.read(csv)) {
            if (row.get(0).equals("Benchmark")) continue;
            String bench = row.get(0).replace("io.express4j.bench.jmh.", "");
            StringBuilder params = new StringBuilder();
            for (int i = 7; i < row.size(); i++) {
                if (!row.get(i).isEmpty())
                    params.append(params.isEmpty() ? "" : ", ").append(row.get(i));
            }
            line("| " + bench + " | " + params + " | " + fmt1(num(row.get(4))) + " | " + fmt1(num(row.get(5))) + " | "
                    + row.get(6) + " |");
        }
        line();
    }

    /** TestClientBenchmark's sampled run: the median of each way to make one request, against a kept-alive socket. */
    private void testClient() throws IOException {
        Path csv = dir.resolve("testclient.csv");
        if (!Files.exists(csv)) return;
        line("## TestClient: one request in process vs on loopback (`TestClientBenchmark`)");
        line();
        runLine(Table.readPairs(dir.resolve("testclient.meta")));
        Map<String, Double> p50 = new java.util.LinkedHashMap<>();
        Map<String, Double> p90 = new java.util.LinkedHashMap<>();
        for (List<String> row : Csv.read(csv)) {
            String bench = row.get(0).replace("io.express4j.bench.jmh.TestClientBenchmark.", "");
            if (bench.endsWith(":p0.50")) p50.put(bench.substring(0, bench.length() - 6), num(row.get(4)));
            if (bench.endsWith(":p0.90")) p90.put(bench.substring(0, bench.length() - 6), num(row.get(4)));
        }
        Double socket = p50.get("keepAliveSocket");
        line("| request | median µs | p90 µs | kept-alive socket's median ÷ this median |");
        line("|---|---:|---:|---:|");
        for (Map.Entry<String, Double> e : p50.entrySet()) {
            line("| " + e.getKey() + " | " + fmt1(e.getValue()) + " | " + fmt1(p90.get(e.getKey())) + " | "
                    + (socket == null ? "" : fmt2(socket / e.getValue()) + "×") + " |");
        }
        line();
        Double inProcess = p50.get("inProcess");
        if (socket == null || inProcess == null) return;
        double ratio = socket / inProcess;
        line(
                "Issue 14's target, a `TestClient.of(app)` request at least 3× faster than one kept-alive loopback request: "
                        + (ratio >= 3 ? "met" : "missed") + " (" + fmt2(ratio)
                        + "×). Either way a request crosses the same "
                        + "thread hand-offs (caller → event loop → virtual thread → event loop → caller), which dominate; in "
                        + "process saves only the socket system calls, and a TestClient request also opens and closes a "
                        + "connection of its own (supertest's `Connection: close`). Against `overSocket`, the same API on "
                        + "loopback: " + fmt2(p50.get("overSocket") / inProcess) + "× faster.");
        line();
    }

    /** CompressionBenchmark: a 100 KiB body through compression() as identity, gzip and br, relative to identity. */
    private void compression() throws IOException {
        Path csv = dir.resolve("compression.csv");
        if (!Files.exists(csv)) return;
        line("## compression: a 100 KiB text body as identity, gzip and br (`CompressionBenchmark`)");
        line();
        runLine(Table.readPairs(dir.resolve("compression.meta")));
        Map<String, double[]> scores =
                new java.util.TreeMap<>(java.util.Comparator.comparing((String name) -> !name.equals("identity"))
                        .thenComparing(name -> name));
        for (List<String> row : Csv.read(csv)) {
            Double score = num(row.get(4));
            if (score == null) continue; // the header line
            String bench = row.get(0).replace("io.express4j.bench.jmh.CompressionBenchmark.", "");
            scores.put(bench, new double[] {score, num(row.get(5))});
        }
        double[] identity = scores.get("identity");
        line("| response | ops/s | ± error (99.9 %) | ÷ identity |");
        line("|---|---:|---:|---:|");
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            line("| " + e.getKey() + " | " + fmt1(e.getValue()[0]) + " | " + fmt1(e.getValue()[1]) + " | "
                    + (identity == null ? "" : fmt2(e.getValue()[0] / identity[0]) + "×") + " |");
        }
        line();
        line("Each request runs the app, `res.send` (ETag over the 100 KiB) and the encoder on one thread without a "
                + "socket. The codecs dominate: gzip is the JDK's zlib at level 6 (Node's default too), br brotli4j at "
                + "compression's quality 4; what express4j adds around them is the identity row.");
        line();
    }

    /** h2.sh: h2load against express4j and raw Netty over h2c, medians and their ratio. */
    private void http2() throws IOException {
        Path tsv = dir.resolve("h2.tsv");
        if (!Files.exists(tsv)) return;
        line("## HTTP/2: h2load, 10 connections × 10 streams (`benchmarks/h2.sh`)");
        line();
        Map<String, String> meta = Table.readPairs(dir.resolve("h2.meta"));
        runLine(meta);
        Map<String, List<Double>> perServer = new java.util.LinkedHashMap<>();
        Map<String, List<Double>> perCpu = new java.util.LinkedHashMap<>();
        List<String> rows = Files.readAllLines(tsv);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split("\t");
            Double rps = num(cells[2]);
            if (rps != null)
                perServer
                        .computeIfAbsent(cells[0], k -> new java.util.ArrayList<>())
                        .add(rps);
            Double cpu = cells.length > 5 ? num(cells[5]) : null;
            if (cpu != null)
                perCpu.computeIfAbsent(cells[0], k -> new java.util.ArrayList<>())
                        .add(cpu);
        }
        Double netty = median(perServer.get("netty"));
        Double nettyCpu = median(perCpu.get("netty"));
        line("| server | requests/s | ÷ raw Netty | requests per server CPU second | ÷ raw Netty | rounds |");
        line("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<Double>> e : perServer.entrySet()) {
            Double m = median(e.getValue());
            Double c = median(perCpu.get(e.getKey()));
            line("| " + (e.getKey().equals("netty") ? "raw Netty HTTP/2" : "express4j (h2c)") + " | " + fmt1(m) + " | "
                    + (netty == null ? "" : fmt2(m / netty) + "×") + " | " + (c == null ? "" : fmt1(c)) + " | "
                    + (c == null || nettyCpu == null ? "" : fmt2(c / nettyCpu) + "×") + " | "
                    + e.getValue().size() + " |");
        }
        line();
        line("GET /plaintext (`Hello, World!`) by prior knowledge; h2load: `" + meta.getOrDefault("h2load", "") + "`."
                + " Both servers run Netty's Http2FrameCodec + Http2MultiplexHandler on one event loop; express4j adds"
                + " Express's `res.send` (ETag, headers) and a virtual thread per stream. The target (issue 16) is"
                + " ≥ 0.7× raw Netty. Medians of the rounds; the CPU column (requests per second of the server"
                + " process's own CPU time) is the one to trust on a busy machine, where wall-clock rates swing with"
                + " the neighbours.");
        line();
    }

    private static Double median(List<Double> values) {
        if (values == null || values.isEmpty()) return null;
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private void notes() {
        line("## What each server does");
        line();
        line("- **express4j**: `benchmarks/src/main/java/io/express4j/bench/servers/Express4jServer.java` — default "
                + "mode (each request on a new virtual thread), `res.send` (weak ETag, as Express), `res.json`, "
                + "`res.write` × 1,000 (writes made while earlier ones wait for the event loop leave together, as Node's socket queue; "
                + "the writer blocks above the channel's 64 KiB high-water mark), `Express.staticFiles`.");
        line("- **express4j-el**: the same app with `/plaintext` and `/json` marked `Express.nonBlocking`, so they run "
                + "on the event loop without the virtual-thread hop; the other routes as in express4j.");
        line("- **express4j-aot**: the same server and flags plus `-XX:AOTCache=…`, a JDK 25 AOT cache (JEP 483/514: "
                + "classes loaded and linked ahead of time; JEP 515's method profiles left out, see `AOT_TRAINING_OPTS`) "
                + "written by a short training run after the build (`train_aot` in `lib.sh`); only startup and memory "
                + "should differ from express4j.");
        line(
                "- **raw Netty**: `RawNettyServer` / `RawNettyHandler` — `HttpServerCodec` and one hand-written handler on "
                        + "one epoll event loop thread: no ETag for dynamic bodies, a cached Date, Jackson per JSON response, "
                        + "zero-copy `DefaultFileRegion` with ETag/Last-Modified/single Range; the stream's 1,000 writes are "
                        + "flushed once at the end (on the event loop nothing could leave between them anyway).");
        line("- **Express 5.3.0 / Fastify 5.12.8**: `benchmarks/node/express.js`, `fastify.js` (versions pinned in "
                + "`package-lock.json`, `@fastify/static` 8.3.0): `res.send`/`reply.send`, `express.static` / `@fastify/static` (ETag + Range on "
                + "by default), Express streams with `res.write` × 1,000 (Node queues what the socket refuses and sends it in one "
                + "writev), Fastify with a Readable.");
        line(
                "- **Javalin 7.2.3** (Jetty 12.1): `JavalinServer` — `useVirtualThreads = true`, `ctx.result`, `ctx.json` (Jackson 3), "
                        + "Jetty's static files, `outputStream().write` + `flush` × 1,000 (blocking on the virtual thread). Javalin's `generateEtags` is off by "
                        + "default and left so.");
        line("- The ETag column shows whether the response carried one: servers that hash the body do more work.");
        line();
    }

    private void runLine(Map<String, String> meta) {
        if (!meta.containsKey("date")) return;
        line("Run " + meta.get("date") + (meta.containsKey("commit") ? " on commit " + meta.get("commit") : "")
                + (meta.containsKey("command") ? " with `" + meta.get("command").trim() + "`" : "")
                + (meta.containsKey("load_before") ? " (load average before: " + meta.get("load_before") + ")" : "")
                + "." + (meta.containsKey("note") ? " " + meta.get("note") : ""));
        line();
    }

    private String name(String server) {
        return SERVER_NAMES.getOrDefault(server, server);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private void line() {
        out.append('\n');
    }

    static Double num(String s) {
        if (s == null || s.isEmpty() || s.equals("-")) return null;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String fmt0(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String fmt1(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt2(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }
}
