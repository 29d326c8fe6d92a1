package io.express4j.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the request corpus: every {@code *.txt} file of a directory, in name order. The format, one case per
 * unindented line with indented continuation lines:
 *
 * <pre>
 * # comment
 * send.string         GET /send/string
 * cond.inm            GET /cond/ If-None-Match: is given on the next line
 *   If-None-Match: W/"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA"
 * body.post           POST /req/method prod
 *   Content-Type: text/plain
 *   &lt; a body\n with escapes
 * conn.pipelined      RAW expect=GET,HEAD eof
 *   | GET /send/string HTTP/1.1\r\nHost: x\r\n\r\n
 *   | HEAD /send/string HTTP/1.1\r\nHost: x\r\n\r\n
 * </pre>
 *
 * A request case ({@code id METHOD target [options]}) becomes {@code METHOD target HTTP/1.1}, a
 * {@code Host: conformance.test} header, the given headers, a Content-Length when a body is given without one (or
 * a Transfer-Encoding), and the body. A {@code RAW} case is exactly the bytes of its {@code |} lines.
 * Escapes in bodies and raw lines: {@code \r \n \t \\ \xHH} (one raw byte); other characters are UTF-8, as is a
 * non-ASCII target.
 *
 * <p>Options: {@code prod} (the production instances), {@code http/1.0} (request line version, no Host unless
 * given), {@code no-host}, {@code repeat=N} (the same request N times in one write, N responses read),
 * {@code expect=M1,M2} (RAW: the methods of the responses to read; default one GET), {@code eof} (record whether
 * the server closed the connection afterwards), {@code timeout=ms} (default 3000). Twins, for request cases:
 * {@code +head} adds the case {@code <id>.head}, the same request with method HEAD; {@code +prod} adds
 * {@code <id>.prod}, sent to the production instances (with both, also {@code <id>.prod.head}).
 */
final class Corpus {
    static final String HOST = "conformance.test";
    private static final int DEFAULT_TIMEOUT = 3000;

    private Corpus() {}

    static List<Case> load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<Case> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            for (Case c : parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8))) {
                if (!ids.add(c.id())) throw new IllegalArgumentException(c.source() + ": duplicate case id " + c.id());
                cases.add(c);
            }
        }
        return cases;
    }

    static List<Case> parse(String fileName, List<String> lines) {
        List<Case> cases = new ArrayList<>();
        Builder current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = fileName + ":" + (i + 1);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (Character.isWhitespace(line.charAt(0))) {
                if (current == null) throw new IllegalArgumentException(where + ": continuation line without a case");
                current.continuation(line.strip(), where);
                continue;
            }
            if (current != null) cases.addAll(current.buildWithTwins());
            current = new Builder(line.strip().split("\\s+"), where);
        }
        if (current != null) cases.addAll(current.buildWithTwins());
        return cases;
    }

    /** Collects one case's lines. */
    private static final class Builder {
        private String id;
        private final String source;
        private final boolean raw;
        private boolean twinHead;
        private boolean twinProd;
        private String method;
        private String target;
        private boolean production;
        private String version = "HTTP/1.1";
        private boolean host = true;
        private int repeat = 1;
        private List<String> expect;
        private boolean checkClosed;
        private int timeout = DEFAULT_TIMEOUT;
        private final List<String> headers = new ArrayList<>();
        private ByteArrayOutputStream body;
        private final ByteArrayOutputStream rawBytes = new ByteArrayOutputStream();

        Builder(String[] words, String source) {
            this.source = source;
            if (words.length < 2)
                throw new IllegalArgumentException(source + ": expected `id METHOD target` or `id RAW`");
            id = words[0];
            raw = words[1].equals("RAW");
            int options = 2;
            if (!raw) {
                if (words.length < 3) throw new IllegalArgumentException(source + ": missing target");
                method = words[1];
                target = words[2];
                options = 3;
            }
            for (String option : Arrays.copyOfRange(words, options, words.length)) option(option);
        }

        private void option(String option) {
            String lower = option.toLowerCase(Locale.ROOT);
            if (lower.equals("prod")) production = true;
            else if (lower.equals("+head") && !raw) twinHead = true;
            else if (lower.equals("+prod") && !raw) twinProd = true;
            else if (lower.equals("http/1.0")) {
                version = "HTTP/1.0";
                host = false;
            } else if (lower.equals("no-host")) host = false;
            else if (lower.equals("eof")) checkClosed = true;
            else if (lower.startsWith("repeat=")) repeat = Integer.parseInt(option.substring(7));
            else if (lower.startsWith("timeout=")) timeout = Integer.parseInt(option.substring(8));
            else if (lower.startsWith("expect="))
                expect = List.of(option.substring(7).split(","));
            else throw new IllegalArgumentException(source + ": unknown option " + option);
        }

        void continuation(String line, String where) {
            if (line.startsWith("|")) {
                if (!raw) throw new IllegalArgumentException(where + ": `|` lines belong to RAW cases");
                rawBytes.writeBytes(unescape(line.substring(1).stripLeading(), where));
            } else if (line.startsWith("<")) {
                if (body == null) body = new ByteArrayOutputStream();
                body.writeBytes(unescape(line.substring(1).stripLeading(), where));
            } else if (line.indexOf(':') > 0) {
                if (raw) throw new IllegalArgumentException(where + ": RAW cases take `|` lines only");
                headers.add(line);
            } else {
                throw new IllegalArgumentException(where + ": expected `Header: value`, `< body` or `| raw`");
            }
        }

        /** This case, then its {@code +head} / {@code +prod} twins. */
        List<Case> buildWithTwins() {
            List<Case> out = new ArrayList<>();
            String baseId = id;
            String baseMethod = method;
            boolean baseProduction = production;
            for (boolean prod : twinProd ? new boolean[] {false, true} : new boolean[] {false}) {
                for (boolean head : twinHead ? new boolean[] {false, true} : new boolean[] {false}) {
                    id = baseId + (prod ? ".prod" : "") + (head ? ".head" : "");
                    method = head ? "HEAD" : baseMethod;
                    production = baseProduction || prod;
                    out.add(build());
                }
            }
            id = baseId;
            method = baseMethod;
            production = baseProduction;
            return out;
        }

        Case build() {
            if (raw) {
                List<String> methods = expect == null ? List.of("GET") : expect;
                return new Case(id, production, rawBytes.toByteArray(), methods, checkClosed, timeout, source);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(method)
                    .append(' ')
                    .append(target)
                    .append(' ')
                    .append(version)
                    .append("\r\n");
            boolean hasHost = headers.stream().anyMatch(h -> h.regionMatches(true, 0, "host:", 0, 5));
            if (host && !hasHost) head.append("Host: ").append(HOST).append("\r\n");
            for (String h : headers) head.append(h).append("\r\n");
            boolean framed = headers.stream()
                    .anyMatch(h -> h.regionMatches(true, 0, "content-length:", 0, 15)
                            || h.regionMatches(true, 0, "transfer-encoding:", 0, 18));
            if (body != null && !framed)
                head.append("Content-Length: ").append(body.size()).append("\r\n");
            head.append("\r\n");
            byte[] one;
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) request.writeBytes(body.toByteArray());
            one = request.toByteArray();
            for (int i = 0; i < repeat; i++) out.writeBytes(one);
            List<String> methods = new ArrayList<>();
            for (int i = 0; i < repeat; i++) methods.add(method);
            return new Case(id, production, out.toByteArray(), methods, checkClosed, timeout, source);
        }
    }

    /** Corpus escapes to bytes: {@code \r \n \t \\ \xHH}; other characters as UTF-8. */
    static byte[] unescape(String text, String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                if (c < 0x80) {
                    out.write(c);
                } else {
                    int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                    out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                    i = end - 1;
                }
                continue;
            }
            if (++i >= text.length()) throw new IllegalArgumentException(where + ": dangling backslash");
            switch (text.charAt(i)) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException(where + ": unknown escape \\" + text.charAt(i));
            }
        }
        return out.toByteArray();
    }
}
