package io.express4j.conformance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what Express and express4j sent for one case: the status line, every header line (name casing, value
 * and position), the framing, the body bytes, and how the connection ended. Normalised first, and nothing else:
 * <ul>
 *   <li>{@code Date}: equal when both are the clock of the run (within seconds of each other and of now);</li>
 *   <li>{@code X-Powered-By}: {@code Express} and {@code express4j} are both "present";</li>
 *   <li>a development error page whose {@code <pre>} holds a stack trace on both sides (Express's has V8
 *       frames, {@code "<br> &nbsp; &nbsp;at "}; express4j's Java frames): the {@code <pre>} content and the
 *       Content-Length that depends on it. The rest of the page and every other header must still match.
 *       A HEAD response has no page to look at: the runner asks Express for the same request as GET and, when
 *       that page holds a stack trace, the HEAD's Content-Length is not compared.</li>
 *   <li>a body both sides sent with the same {@code Content-Encoding} (gzip, deflate, br): compared decoded, since
 *       zlib and brotli implementations may encode the same bytes differently; a {@code Content-Length} then
 *       counts compressed bytes and is not compared (compression sends none: it streams). A body that does not
 *       decode on either side is a difference.</li>
 * </ul>
 */
final class Comparison {
    static final String EXPRESS_POWERED_BY = "Express";
    static final String EXPRESS4J_POWERED_BY = "express4j";
    private static final Pattern PRE = Pattern.compile("<pre>(.*)</pre>", Pattern.DOTALL);
    /** How finalhandler renders a V8 stack frame line: newline to {@code <br>}, double spaces to {@code " &nbsp;"}. */
    private static final String V8_FRAME = "<br> &nbsp; &nbsp;at ";

    private static final int SHOW = 60;

    private Comparison() {}

    /**
     * The differences, each a short "what: express=… express4j=…" text; empty when identical.
     *
     * @param stackInHead the responses are a HEAD's whose GET would have been a development error page with a
     *                    stack trace (see {@link #hasV8Stack})
     */
    static List<String> compare(WireExchange express, WireExchange express4j, boolean stackInHead) {
        List<String> diffs = new ArrayList<>();
        int n = Math.max(express.responses().size(), express4j.responses().size());
        for (int i = 0; i < n; i++) {
            String prefix = n > 1 ? "#" + (i + 1) + " " : "";
            WireResponse a =
                    i < express.responses().size() ? express.responses().get(i) : null;
            WireResponse b =
                    i < express4j.responses().size() ? express4j.responses().get(i) : null;
            if (a == null || b == null) {
                diffs.add(prefix + "response: express=" + (a == null ? "none" : statusLine(a)) + " express4j="
                        + (b == null ? "none" : statusLine(b)));
                continue;
            }
            compareOne(prefix, a, b, stackInHead, diffs);
        }
        if (!express.end().equals(express4j.end())) {
            diffs.add("end: express=" + express.end() + " express4j=" + express4j.end());
        }
        if (express.closed() != null && !express.closed().equals(express4j.closed())) {
            diffs.add("closed: express=" + express.closed() + " express4j=" + express4j.closed());
        }
        return diffs;
    }

    private static void compareOne(
            String prefix, WireResponse a, WireResponse b, boolean stackInHead, List<String> diffs) {
        if (!statusLine(a).equals(statusLine(b))) {
            diffs.add(prefix + "status: express=" + statusLine(a) + " express4j=" + statusLine(b));
        }
        byte[] bodyA = a.body();
        byte[] bodyB = b.body();
        boolean stack = bodyA.length == 0 && bodyB.length == 0
                ? stackInHead
                : hasStack(bodyA, V8_FRAME) && hasStack(bodyB, "<br>");
        if (stack) {
            bodyA = withoutStack(bodyA);
            bodyB = withoutStack(bodyB);
        }
        String coding = a.header("Content-Encoding");
        boolean compressed = ContentDecoding.decodes(coding)
                && coding.equalsIgnoreCase(b.header("Content-Encoding"))
                && !a.truncated()
                && !b.truncated();
        if (compressed && (bodyA.length > 0 || bodyB.length > 0)) {
            byte[] decodedA = ContentDecoding.decode(coding, bodyA);
            byte[] decodedB = ContentDecoding.decode(coding, bodyB);
            if (decodedA == null || decodedB == null) {
                diffs.add(prefix + "body does not decode as " + coding + ": express=" + (decodedA != null)
                        + " express4j=" + (decodedB != null));
            } else {
                bodyA = decodedA;
                bodyB = decodedB;
            }
        }
        List<String> linesA = headerLines(a, b, stack, compressed);
        List<String> linesB = headerLines(b, a, stack, compressed);
        if (!linesA.equals(linesB)) diffs.add(prefix + headerDiff(linesA, linesB));
        if (!a.framing().equals(b.framing()) || a.truncated() != b.truncated()) {
            diffs.add(prefix + "framing: express=" + framing(a) + " express4j=" + framing(b));
        }
        if (!Arrays.equals(bodyA, bodyB)) diffs.add(prefix + bodyDiff(bodyA, bodyB));
    }

    private static String statusLine(WireResponse r) {
        return r.version() + " " + r.status() + " " + r.reason();
    }

    private static String framing(WireResponse r) {
        return r.framing() + (r.truncated() ? " (truncated)" : "");
    }

    /** One side's header lines, normalised against the other side's values. */
    private static List<String> headerLines(WireResponse self, WireResponse other, boolean stack, boolean compressed) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> h : self.headers()) {
            String name = h.getKey();
            String value = h.getValue();
            String otherValue = other.header(name);
            if (name.equalsIgnoreCase("Date") && otherValue != null && sameClock(value, otherValue)) {
                value = "<date>";
            } else if (name.equalsIgnoreCase("X-Powered-By")
                    && (value.equals(EXPRESS_POWERED_BY) || value.equals(EXPRESS4J_POWERED_BY))) {
                value = "<present>";
            } else if (stack && name.equalsIgnoreCase("Content-Length")) {
                value = "<depends on the stack>";
            } else if (compressed && name.equalsIgnoreCase("Content-Length")) {
                value = "<compressed length>";
            }
            lines.add(name + ": " + value);
        }
        return lines;
    }

    /** Two HTTP dates a few seconds apart: the same clock, read at slightly different moments. */
    private static boolean sameClock(String x, String y) {
        if (x.equals(y)) return true;
        try {
            ZonedDateTime dx = ZonedDateTime.parse(x, DateTimeFormatter.RFC_1123_DATE_TIME);
            ZonedDateTime dy = ZonedDateTime.parse(y, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Duration.between(dx, dy).abs().toSeconds() <= 10
                    && Duration.between(dx, ZonedDateTime.now()).abs().toMinutes() <= 5;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String headerDiff(List<String> a, List<String> b) {
        List<String> sortedA = new ArrayList<>(a);
        List<String> sortedB = new ArrayList<>(b);
        sortedA.sort(String.CASE_INSENSITIVE_ORDER);
        sortedB.sort(String.CASE_INSENSITIVE_ORDER);
        if (sortedA.equals(sortedB)) {
            return "header order: express=" + names(a) + " express4j=" + names(b);
        }
        List<String> onlyA = new ArrayList<>(a);
        onlyA.removeAll(b);
        List<String> onlyB = new ArrayList<>(b);
        onlyB.removeAll(a);
        return "headers: express=" + onlyA + " express4j=" + onlyB;
    }

    private static List<String> names(List<String> lines) {
        return lines.stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    /** Whether Express answered with a development error page showing a stack trace. */
    static boolean hasV8Stack(WireExchange express) {
        return express.responses().size() == 1
                && hasStack(express.responses().get(0).body(), V8_FRAME);
    }

    /** An HTML error page whose {@code <pre>} holds more than a message: {@code frame} marks a stack frame line. */
    private static boolean hasStack(byte[] body, String frame) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.startsWith("<!DOCTYPE html>")) return false;
        Matcher pre = PRE.matcher(text);
        return pre.find() && pre.group(1).contains(frame);
    }

    private static byte[] withoutStack(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return PRE.matcher(text)
                .replaceFirst(Matcher.quoteReplacement("<pre>[stack]</pre>"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Where the bodies part, with a little of each around that point. */
    private static String bodyDiff(byte[] a, byte[] b) {
        int at = 0;
        while (at < a.length && at < b.length && a[at] == b[at]) at++;
        int from = Math.max(0, at - 10);
        return "body (" + a.length + " vs " + b.length + " bytes, differ at " + at + "): express=\"" + excerpt(a, from)
                + "\" express4j=\"" + excerpt(b, from) + "\"";
    }

    static String excerpt(byte[] bytes, int from) {
        StringBuilder out = new StringBuilder();
        if (from > 0) out.append('…');
        int end = Math.min(bytes.length, from + SHOW);
        out.append(printable(bytes, from, end));
        if (end < bytes.length) out.append('…');
        return out.toString();
    }

    /** Bytes as text with the invisible ones escaped, for one-line messages. */
    static String printable(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\r') out.append("\\r");
            else if (c == '\n') out.append("\\n");
            else if (c == '\\') out.append("\\\\");
            else if (c < 0x20 || c >= 0x7f) out.append(String.format("\\x%02x", c));
            else out.append((char) c);
        }
        return out.toString();
    }
}
