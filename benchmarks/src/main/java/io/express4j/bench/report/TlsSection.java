package io.express4j.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

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
        line("| test | express4j JDK | express4j OpenSSL | OpenSSL ÷ JDK | raw Netty JDK | raw Netty OpenSSL |"
                + " express4j ÷ raw Netty (JDK) | express4j ÷ raw Netty (OpenSSL) |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String test : new String[] {"plaintext", "handshake", "1mib"}) {
            Double ej = value("JDK", "express4j", test);
            Double eo = value("OPENSSL", "express4j", test);
            Double nj = value("JDK", "netty", test);
            Double no = value("OPENSSL", "netty", test);
            line("| " + title(test) + " | " + fmt(ej, test) + " | " + fmt(eo, test) + " | " + ratio(eo, ej) + " | "
                    + fmt(nj, test) + " | " + fmt(no, test) + " | " + ratio(ej, nj) + " | " + ratio(eo, no) + " |");
        }
        line("");
        line("plaintext: requests/s on 50 kept-alive connections; handshake: requests/s with `Connection: close`, "
                + "so each is a new TCP connection and a full TLS handshake (ECDSA P-256, TLS 1.3, no resumption); "
                + "1mib: MiB/s of `/static/1mib.bin` on 10 connections, sent as chunks through the encryption (no "
                + "sendfile under TLS). Ratios are within this run; a busy machine moves all cells together.");
        line("");
    }

    private Double value(String provider, String server, String test) {
        Map<String, String> row = rows.find("provider", provider, "server", server, "test", test);
        if (row == null) return null;
        try {
            return Double.parseDouble(row.get(test.equals("1mib") ? "mib_s" : "rps"));
        } catch (NumberFormatException e) {
            return null;
        }
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

    private static String ratio(Double a, Double b) {
        if (a == null || b == null || b == 0) return "–";
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
