package io.express4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Differential conformance: every case of the corpus ({@code src/test/resources/corpus/*.txt}) goes, as raw
 * bytes on a fresh connection, to the Express 5 twin app and to the express4j twin app; their answers must be
 * the same bytes (after the few normalisations {@link Comparison} documents), except the cases
 * {@code DIFFERENCES.md} lists. Prints one line per differing case, then the identical percentage, and ends with
 * the line {@code N passed, M failed}, where only a difference DIFFERENCES.md does not list fails; writes both
 * sides of each difference in full to
 * {@code target/conformance/report.txt}.
 */
class ConformanceTest {
    /** The mtime the fixture files get, so file validators (Last-Modified, file ETags) are reproducible. */
    static final Instant FIXTURE_MTIME = Instant.parse("2024-01-02T03:04:05Z");

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final int PARALLEL_CASES = 4;

    record Outcome(Case c, List<String> diffs, Differences.Entry listed, WireExchange express, WireExchange express4j) {
        boolean identical() {
            return diffs.isEmpty();
        }

        boolean expected() {
            return identical() || listed != null;
        }
    }

    @Test
    void expressAndExpress4jSendTheSameBytes() throws Exception {
        Path fixtures = FixtureCopy.of(MODULE.resolve("fixtures"), FIXTURE_MTIME);
        List<Case> cases = Corpus.load(MODULE.resolve("src/test/resources/corpus"));
        Differences differences = Differences.load(MODULE.resolve("DIFFERENCES.md"));
        Path out = MODULE.resolve("target/conformance");

        List<Outcome> outcomes = new ArrayList<>();
        Server[] twins = TwinApp.start(fixtures);
        try (ExpressOracle express =
                ExpressOracle.start(MODULE.resolve("express"), fixtures, out.resolve("express.log"))) {
            System.out.println("conformance: " + cases.size() + " cases, Express 5.3.0 on node " + express.nodeVersion
                    + " against express4j");
            // cases are independent (each on its own connections): a few at a time keeps the run short
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CASES);
            try {
                List<Future<Outcome>> running = new ArrayList<>();
                for (Case c : cases) running.add(pool.submit(() -> run(c, differences, express, twins)));
                for (Future<Outcome> f : running) outcomes.add(f.get());
            } finally {
                pool.shutdownNow();
            }
        } finally {
            for (Server s : twins) s.close();
        }

        List<String> unexpected = new ArrayList<>();
        int passed = 0;
        int pendingFeature = 0;
        for (Outcome o : outcomes) {
            if (o.listed() != null && o.listed().isPendingFeature()) pendingFeature++;
            if (o.identical()) {
                passed++;
                continue;
            }
            String line = o.c().id() + (o.expected() ? " [" + o.listed().kind() + "]" : " [UNEXPECTED]") + ": "
                    + String.join(" | ", o.diffs());
            System.out.println(line);
            if (!o.expected()) unexpected.add(line);
        }
        for (Differences.Entry row : differences.entries()) {
            List<Outcome> matched =
                    outcomes.stream().filter(o -> o.listed() == row).toList();
            if (!matched.isEmpty() && matched.stream().allMatch(Outcome::identical)) {
                System.out.println(
                        "DIFFERENCES.md row no longer needed, every case it lists is identical: " + row.pattern());
            }
        }
        int failed = outcomes.size() - passed;
        writeReport(out.resolve("report.txt"), outcomes);
        List<String> stale = differences.unmatched(cases.stream().map(Case::id).toList());
        for (String row : stale) System.out.println("DIFFERENCES.md row matches no case: " + row);
        int landed = outcomes.size() - pendingFeature;
        int landedPassed = (int) outcomes.stream()
                .filter(o -> o.identical() && (o.listed() == null || !o.listed().isPendingFeature()))
                .count();
        System.out.println("conformance: " + percent(passed, outcomes.size()) + " identical (" + passed + " of "
                + outcomes.size() + " cases"
                + (pendingFeature == 0
                        ? ""
                        : "; " + percent(landedPassed, landed) + " of the " + landed + " cases of landed features")
                + "); " + (failed - unexpected.size()) + " differ as DIFFERENCES.md says, " + unexpected.size()
                + " unexpectedly");
        // A listed difference is an expected outcome, so it counts as passed here; only an unlisted one fails
        // (the line above carries the identical percentage).
        System.out.println((outcomes.size() - unexpected.size()) + " passed, " + unexpected.size() + " failed");

        assertThat(stale)
                .as("DIFFERENCES.md rows that match no case id (a typo, or a case that was removed)")
                .isEmpty();
        assertThat(unexpected)
                .as("cases where express4j differs from Express and DIFFERENCES.md does not say why "
                        + "(both sides in full: target/conformance/report.txt)")
                .isEmpty();
    }

    /** Sends one case to both twins (same env) and compares what came back. */
    private static Outcome run(Case c, Differences differences, ExpressOracle express, Server[] twins) {
        WireExchange a = WireClient.exchange(c.production() ? express.prodPort : express.devPort, c);
        WireExchange b = WireClient.exchange(c.production() ? twins[1].port() : twins[0].port(), c);
        // a development HEAD error response: would its page have shown a stack? Ask Express for the GET
        boolean stackInHead = !c.production()
                && c.asGet() != null
                && a.responses().size() == 1
                && a.responses().get(0).status() >= 400
                && Comparison.hasV8Stack(WireClient.exchange(express.devPort, c.asGet()));
        return new Outcome(c, Comparison.compare(a, b, stackInHead), differences.find(c.id()), a, b);
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 100.0 : 100.0 * part / whole);
    }

    /** Both sides of every differing case, in full, for whoever investigates one. */
    private static void writeReport(Path file, List<Outcome> outcomes) throws IOException {
        Files.createDirectories(file.getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (Outcome o : outcomes) {
                if (o.identical()) continue;
                w.println("=== " + o.c().id() + " (" + o.c().source() + ")"
                        + (o.listed() == null
                                ? ""
                                : " listed: " + o.listed().kind() + " — "
                                        + o.listed().reason()));
                for (String d : o.diffs()) w.println("  " + d);
                w.println("--- request");
                w.println(Comparison.printable(o.c().request(), 0, o.c().request().length));
                w.println("--- express");
                describe(w, o.express());
                w.println("--- express4j");
                describe(w, o.express4j());
                w.println();
            }
        }
    }

    private static void describe(PrintWriter w, WireExchange x) {
        for (WireResponse r : x.responses()) {
            w.println(r.version() + " " + r.status() + " " + r.reason());
            for (Map.Entry<String, String> h : r.headers()) w.println(h.getKey() + ": " + h.getValue());
            w.println("[" + r.framing() + (r.truncated() ? ", truncated" : "") + ", " + r.body().length + " bytes]");
            w.println(Comparison.printable(r.body(), 0, r.body().length));
        }
        w.println("[end: " + x.end() + (x.closed() == null ? "" : ", closed: " + x.closed()) + "]");
    }
}
