package io.express4j.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTPS section of RESULTS.md, from {@code results/tls.tsv} and {@code tls.meta} ({@code benchmarks/tls.sh}):
 * JDK against OpenSSL for express4j, and express4j against raw Netty behind the same provider.
 */
final class TlsSection {
    private final Table rows;
    private final Map<String, String> meta;
    private final StringBuilder out = new StringBuilder();

    private TlsSection(Table rows, Map<String, String> meta) {
        this.rows = rows;
        this.meta = meta;
    }

    /** The section's Markdown; empty when tls.sh has not run. */
    static String render(Path dir) throws IOException {
        Table rows = Table.read(dir.resolve("tls.tsv"));
        if (rows.rows().isEmpty()) return "";
        TlsSection s = new TlsSection(rows, Table.readPairs(dir.resolve("tls.meta")));
        s.write();
        return s.out.toString();
    }

    private void write() {
        line("## HTTPS: JDK vs OpenSSL, express4j vs raw Netty (`benchmarks/tls.sh`)");
        line("");
        line("Run " + meta.getOrDefault("date", "undated") + " on commit " + meta.getOrDefault("commit", "?")
                + " with `" + meta.getOrDefault("command", "benchmarks/tls.sh").trim() + "` ("
                + meta.getOrDefault("rounds", "") + "; load average before " + meta.getOrDefault("load_before", "?")
                + ", after " + meta.getOrDefault("load_after", "?") + ")."
                + (meta.containsKey("note") ? " " + meta.get("note") : ""));
        line("");
        line("```sh");
        line(meta.getOrDefault("server_cmd", ""));
        line(meta.getOrDefault("wrk_cmd", ""));
        line("```");
        line("");
        line(
                "| test | express4j JDK | express4j OpenSSL | raw Netty JDK | raw Netty OpenSSL | express4j: OpenSSL ÷ JDK |"
                        + " raw Netty: OpenSSL ÷ JDK | express4j ÷ raw Netty, JDK | express4j ÷ raw Netty, OpenSSL |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String test : new String[] {"plaintext", "handshake", "1mib"}) {
            line("| " + title(test) + " | " + fmt(median(test, "JDK", "express4j"), test) + " | "
                    + fmt(median(test, "OPENSSL", "express4j"), test) + " | " + fmt(median(test, "JDK", "netty"), test)
                    + " | " + fmt(median(test, "OPENSSL", "netty"), test) + " | "
                    + ratio(test, "OPENSSL", "express4j", "JDK", "express4j") + " | "
                    + ratio(test, "OPENSSL", "netty", "JDK", "netty") + " | "
                    + ratio(test, "JDK", "express4j", "JDK", "netty") + " | "
                    + ratio(test, "OPENSSL", "express4j", "OPENSSL", "netty") + " |");
        }
        line("");
        line("Figures are medians over the rounds; each ratio is the median of the ratios taken within a round (the "
                + "four servers run side by side and each round measures every one in turn, so a shared machine's "
                + "changing load falls on both sides of a ratio alike). plaintext: requests/s on 50 kept-alive "
                + "connections; handshakes: requests/s with `Connection: close`, so each is a new TCP connection and a "
                + "full TLS 1.3 handshake (ECDSA P-256, no resumption; wrk counts raw Netty's close as a read error, "
                + "the requests are complete); 1 MiB file: MiB/s of `/static/1mib.bin` on 10 connections, sent as "
                + "chunks through the encryption (no sendfile under TLS).");
        line("");
        line("**Which provider wins:** " + verdict() + " The default, `TlsOptions.Provider.AUTO`, takes OpenSSL "
                + "whenever `io.netty:netty-tcnative-boringssl-static` is on the class path and the JDK otherwise; "
                + "express4j does not ship netty-tcnative (it is native code for each platform), so an app opts in by "
                + "adding it.");
        line("");
    }

    /** Says which provider was faster in each express4j row (a difference under 10 % is called a tie). */
    private String verdict() {
        StringBuilder out = new StringBuilder();
        for (String test : new String[] {"plaintext", "handshake", "1mib"}) {
            String r = ratio(test, "OPENSSL", "express4j", "JDK", "express4j");
            if (r.equals("–")) continue;
            double x = Double.parseDouble(r.substring(0, r.length() - 1));
            // within ±10 % is no win on a shared machine
            out.append(x >= 1.1 ? "OpenSSL" : x <= 0.9 ? "the JDK" : "neither (a tie)")
                    .append(" for ")
                    .append(title(test).replaceAll(" \\(.*", ""))
                    .append(" (OpenSSL ÷ JDK ")
                    .append(r)
                    .append("), ");
        }
        return out.isEmpty() ? "not measured." : out.substring(0, out.length() - 2) + ".";
    }

    /** The value of one cell in each round, by round number. */
    private TreeMap<Integer, Double> rounds(String test, String provider, String server) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (Map<String, String> row : rows.rows()) {
            if (!provider.equals(row.get("provider"))
                    || !server.equals(row.get("server"))
                    || !test.equals(row.get("test"))) {
                continue;
            }
            try {
                out.put(
                        Integer.parseInt(row.get("round")),
                        Double.parseDouble(row.get(test.equals("1mib") ? "mib_s" : "rps")));
            } catch (NumberFormatException e) {
                // a cell wrk could not measure
            }
        }
        return out;
    }

    private Double median(String test, String provider, String server) {
        return median(new ArrayList<>(rounds(test, provider, server).values()));
    }

    private String ratio(String test, String p1, String s1, String p2, String s2) {
        TreeMap<Integer, Double> a = rounds(test, p1, s1);
        TreeMap<Integer, Double> b = rounds(test, p2, s2);
        List<Double> ratios = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null && other > 0) ratios.add(e.getValue() / other);
        }
        Double m = median(ratios);
        return m == null ? "–" : String.format(Locale.ROOT, "%.2f×", m);
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) return null;
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String title(String test) {
        return switch (test) {
            case "plaintext" -> "plaintext (req/s)";
            case "handshake" -> "handshakes (conn/s)";
            default -> "1 MiB file (MiB/s)";
        };
    }

    private static String fmt(Double v, String test) {
        if (v == null) return "–";
        return test.equals("1mib") ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%,.0f", v);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
