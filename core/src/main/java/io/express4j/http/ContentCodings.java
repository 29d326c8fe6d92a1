package io.express4j.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * compression 1.8's decisions about a response's content coding, without I/O: which coding an {@code
 * Accept-Encoding} header gets, whether {@code Cache-Control} forbids transforming the body, and JavaScript's
 * {@code Number(value)} for the {@code Content-Length} it compares with the threshold.
 */
public final class ContentCodings {
    private static final List<String> SUPPORTED = List.of("br", "gzip", "deflate", "identity");
    private static final List<String> SUPPORTED_WITHOUT_BR = List.of("gzip", "deflate", "identity");
    /** compression's tie-break when q-values are equal: br first, then gzip, before the header's own order. */
    private static final List<String> PREFERRED = List.of("br", "gzip");

    private static final List<String> PREFERRED_WITHOUT_BR = List.of("gzip");
    /** What {@code enforceEncoding} may name (br included even where it is unsupported, as in compression). */
    private static final List<String> ENFORCEABLE = List.of("gzip", "deflate", "identity", "br");

    private static final Pattern NO_TRANSFORM =
            Pattern.compile("(?:^|,)\\s*?no-transform\\s*?(?:,|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private ContentCodings() {}

    /**
     * The coding compression picks: {@code br}, {@code gzip} or {@code deflate}, or null for none (identity, or
     * nothing acceptable). {@code acceptEncoding} null means the header is absent; when it is absent or empty,
     * {@code enforceEncoding} (compression's option, default {@code identity}) is used if it names a coding.
     */
    public static String negotiate(String acceptEncoding, boolean brotli, String enforceEncoding) {
        String method = best(
                acceptEncoding, brotli ? SUPPORTED : SUPPORTED_WITHOUT_BR, brotli ? PREFERRED : PREFERRED_WITHOUT_BR);
        if ((acceptEncoding == null || acceptEncoding.isEmpty()) && ENFORCEABLE.contains(enforceEncoding)) {
            method = enforceEncoding;
        }
        if (method == null || method.equals("identity") || (method.equals("br") && !brotli)) return null;
        return method;
    }

    /**
     * Which precompressed sibling to serve: the best of {@code available} ({@code br}, {@code gzip}; ties go in
     * that list's order) by the same q-value rules as {@link #negotiate}, or null when identity wins or nothing is
     * acceptable. An absent or empty header accepts only identity.
     */
    public static String negotiatePrecompressed(String acceptEncoding, List<String> available) {
        List<String> offers = new ArrayList<>(available);
        offers.add("identity");
        String method = best(acceptEncoding, offers, available);
        return method == null || method.equals("identity") ? null : method;
    }

    // negotiator 0.6.4, which compression pins: it parses Accept-Encoding with a simpler rule than the 1.1.0 that
    // Express's req.acceptsEncodings follows (an empty q is NaN here, so refused; there it is 1)

    private static final Pattern CODING = Pattern.compile("^\\s*([^\\s;]+)\\s*(?:;(.*))?$", Pattern.DOTALL);

    private record Accepted(String coding, double q, int i) {}

    private record Priority(String coding, int offer, double q, int s, int o) {}

    /** negotiator 0.6.4's {@code encoding(offers, preferred)}: the first of its sorted acceptable offers, or null. */
    private static String best(String acceptEncoding, List<String> offers, List<String> preferred) {
        String header = acceptEncoding == null ? "" : acceptEncoding;
        String[] parts = header.split(",", -1);
        List<Accepted> accepts = new ArrayList<>();
        boolean hasIdentity = false;
        double minQuality = 1;
        for (int i = 0; i < parts.length; i++) {
            Matcher m = CODING.matcher(parts[i].strip());
            if (!m.matches()) continue;
            double q = 1;
            if (m.group(2) != null) {
                for (String param : m.group(2).split(";", -1)) {
                    String[] p = param.strip().split("=", -1);
                    if (p[0].equals("q")) {
                        q = p.length > 1 ? JsStrings.parseFloat(p[1]) : Double.NaN;
                        break;
                    }
                }
            }
            Accepted a = new Accepted(m.group(1), q, i);
            accepts.add(a);
            hasIdentity = hasIdentity || specificity("identity", a) >= 0;
            minQuality = Math.min(minQuality, q == 0 || Double.isNaN(q) ? 1 : q);
        }
        if (!hasIdentity) accepts.add(new Accepted("identity", minQuality, parts.length));
        List<Priority> priorities = new ArrayList<>();
        for (int index = 0; index < offers.size(); index++) {
            Priority best = new Priority(offers.get(index), index, 0, 0, -1);
            for (Accepted a : accepts) {
                int s = specificity(offers.get(index), a);
                if (s < 0) continue;
                Priority candidate = new Priority(offers.get(index), index, a.q(), s, a.i());
                if (jsOr(best.s() - candidate.s(), best.q() - candidate.q(), best.o() - candidate.o()) < 0) {
                    best = candidate;
                }
            }
            if (best.q() > 0) priorities.add(best);
        }
        priorities.sort((a, b) -> {
            if (a.q() != b.q()) return Double.compare(b.q(), a.q());
            int ap = preferred.indexOf(a.coding());
            int bp = preferred.indexOf(b.coding());
            if (ap == -1 && bp == -1) return (int) jsOr(b.s() - a.s(), a.o() - b.o(), a.offer() - b.offer());
            if (ap != -1 && bp != -1) return ap - bp;
            return ap == -1 ? 1 : -1;
        });
        return priorities.isEmpty() ? null : priorities.get(0).coding();
    }

    private static int specificity(String offer, Accepted spec) {
        if (spec.coding().equalsIgnoreCase(offer)) return 1;
        return spec.coding().equals("*") ? 0 : -1;
    }

    /** JavaScript's {@code a || b || c} over numbers: the first that is neither 0 nor NaN. */
    private static double jsOr(double a, double b, double c) {
        if (a != 0 && !Double.isNaN(a)) return a;
        if (b != 0 && !Double.isNaN(b)) return b;
        return c;
    }

    /** Whether a {@code Cache-Control} value carries {@code no-transform} (RFC 9111 §5.2.2.6); null has none. */
    public static boolean noTransform(String cacheControl) {
        return cacheControl != null && NO_TRANSFORM.matcher(cacheControl).find();
    }

    /**
     * JavaScript's {@code Number(value)} for a header value: blank is 0, a decimal or {@code 0x} hex number its
     * value, anything else (and null, as {@code undefined}) NaN — which compares false with every threshold.
     */
    public static double jsNumber(String value) {
        if (value == null) return Double.NaN;
        String s = value.strip();
        if (s.isEmpty()) return 0;
        if (DECIMAL.matcher(s).matches()) return Double.parseDouble(s);
        if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
            try {
                return Long.parseLong(s.substring(2), 16);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        if (s.equals("Infinity") || s.equals("+Infinity")) return Double.POSITIVE_INFINITY;
        if (s.equals("-Infinity")) return Double.NEGATIVE_INFINITY;
        return Double.NaN;
    }
}
