package io.express4j.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Content negotiation over {@code Accept}, {@code Accept-Charset}, {@code Accept-Encoding} and
 * {@code Accept-Language}, reproducing npm {@code negotiator} 1.1.0 (and, for the
 * {@code accepts*} helpers, {@code accepts} 2.0.0) exactly, because {@code req.accepts*} and
 * {@code res.format} must pick the same representation Express would.
 *
 * <p>A {@code null} header means "header absent" (which negotiator treats as {@code *}/{@code *}/{@code *};
 * for encodings as "only {@code identity}"); an empty string is a present but empty header. With
 * {@code available == null} the list methods return every acceptable value of the header, best
 * first; otherwise the acceptable subset of {@code available}, best first, as the caller spelled it.
 * Ranking: q-value, then specificity of the best matching header entry, then that entry's position
 * in the header, then the offer's position; {@code q=0} refuses.
 */
public final class Negotiator {

    private Negotiator() {}

    // ---------------------------------------------------------------- header parsing

    /** One comma-separated element of an Accept-style header (value in original case). */
    private record Element(String value, Map<String, String> params, int index) {}

    /** Result of the content-type style parse: lower-cased value, stop index, parameters. */
    private record Parsed(String value, int index, Map<String, String> params) {}

    /** Splits an Accept-style header the way negotiator 1.1.0 does (content-type 2.1.0 in comma mode). */
    private static List<Element> parseHeader(String header) {
        List<Element> out = new ArrayList<>();
        int index = 0;
        int n = 0;
        while (index < header.length()) {
            int start = skipOws(header, index, header.length());
            Parsed p = parseValue(header, start, true);
            int end = Math.min(header.length(), start + p.value().length());
            out.add(new Element(header.substring(Math.min(start, end), end), p.params(), n++));
            index = p.index() + 1;
        }
        return out;
    }

    /** content-type's {@code parse(header, {comma, start})}. */
    private static Parsed parseValue(String header, int start, boolean comma) {
        int len = header.length();
        int stop = comma ? ',' : -1;
        int index = skipOws(header, start, len);
        int valueStart = index;
        index = skipValue(header, index, len, stop);
        int valueEnd = trailingOws(header, valueStart, index);
        String value = header.substring(valueStart, valueEnd).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        parameter:
        while (index < len) {
            if (header.charAt(index) == stop) {
                break;
            }
            index = skipOws(header, index + 1, len);
            int keyStart = index;
            while (index < len) {
                char c = header.charAt(index);
                if (c == stop) {
                    break parameter;
                }
                if (c == ';') {
                    continue parameter;
                }
                if (c == '=') {
                    String key = header.substring(keyStart, trailingOws(header, keyStart, index))
                            .toLowerCase(Locale.ROOT);
                    index = skipOws(header, index + 1, len);
                    if (index < len && header.charAt(index) == '"') {
                        index++;
                        StringBuilder v = new StringBuilder();
                        while (index < len) {
                            char q = header.charAt(index++);
                            if (q == '"') {
                                index = skipValue(header, index, len, stop);
                                params.putIfAbsent(key, v.toString());
                                break;
                            }
                            if (q == '\\' && index < len) {
                                v.append(header.charAt(index++));
                                continue;
                            }
                            v.append(q);
                        }
                        continue parameter;
                    }
                    int vs = index;
                    index = skipValue(header, index, len, stop);
                    if (!params.containsKey(key)) {
                        params.put(key, header.substring(vs, trailingOws(header, vs, index)));
                    }
                    continue parameter;
                }
                index++;
            }
        }
        return new Parsed(value, index, params);
    }

    private static int skipValue(String s, int i, int len, int stop) {
        while (i < len) {
            char c = s.charAt(i);
            if (c == ';' || c == stop) {
                break;
            }
            i++;
        }
        return i;
    }

    private static int skipOws(String s, int i, int len) {
        while (i < len && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int trailingOws(String s, int start, int end) {
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    /** negotiator's q: {@code parseFloat(q)} when the parameter is non-empty, else 1. */
    private static double quality(Map<String, String> params) {
        String q = params.get("q");
        return q == null || q.isEmpty() ? 1 : JsStrings.parseFloat(q);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- ranking

    /** An acceptable header entry (no offers) or an offer's best match (with offers). */
    private record Spec(String value, double q, int s, int o, int i) {}

    /** JavaScript's {@code a || b || c}-style tie-break, where 0 and NaN are "no decision". */
    private static boolean better(Spec current, Spec candidate) {
        double d = current.s() - candidate.s();
        if (d == 0) {
            d = current.q() - candidate.q();
            if (d == 0 || Double.isNaN(d)) {
                d = current.o() - candidate.o();
            }
        }
        return d < 0;
    }

    private static final Comparator<Spec> BY_PRIORITY = (a, b) -> {
        int c = Double.compare(b.q(), a.q());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.s(), a.s());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.o(), b.o());
        return c != 0 ? c : Integer.compare(a.i(), b.i());
    };

    /** How a header entry matches an offer: specificity bits, or -1 for no match. */
    @FunctionalInterface
    private interface Matcher<E> {
        int specificity(String offer, E entry);
    }

    private static <E> List<String> negotiate(
            List<E> entries,
            List<String> available,
            Function<E, Spec> asSpec,
            Matcher<E> matcher,
            Comparator<Spec> order) {
        List<Spec> chosen = new ArrayList<>();
        if (available == null) {
            for (E e : entries) {
                Spec s = asSpec.apply(e);
                if (s.q() > 0) {
                    chosen.add(new Spec(s.value(), s.q(), 0, 0, s.i()));
                }
            }
        } else {
            for (int idx = 0; idx < available.size(); idx++) {
                String offer = available.get(idx);
                Spec best = new Spec(offer, 0, 0, -1, idx);
                for (E e : entries) {
                    int s = matcher.specificity(offer, e);
                    if (s < 0) {
                        continue;
                    }
                    Spec h = asSpec.apply(e);
                    Spec candidate = new Spec(offer, h.q(), s, h.i(), idx);
                    if (better(best, candidate)) {
                        best = candidate;
                    }
                }
                if (best.q() > 0) {
                    chosen.add(best);
                }
            }
        }
        chosen.sort(order);
        List<String> out = new ArrayList<>(chosen.size());
        for (Spec s : chosen) {
            out.add(s.value());
        }
        return Collections.unmodifiableList(out);
    }

    // ---------------------------------------------------------------- media types

    private record MediaRange(String type, String subtype, Map<String, String> params, double q, int i) {}

    private static MediaRange mediaRange(String value, Map<String, String> params, int i) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return null;
        }
        Map<String, String> p = new LinkedHashMap<>(params);
        double q = quality(p);
        p.remove("q");
        return new MediaRange(value.substring(0, slash), value.substring(slash + 1), p, q, i);
    }

    private static int mediaSpecificity(String offer, MediaRange spec) {
        Parsed parsed = parseValue(offer, 0, false);
        MediaRange p = mediaRange(parsed.value(), parsed.params(), 0);
        if (p == null) {
            return -1;
        }
        int s = 0;
        if (lower(spec.type()).equals(lower(p.type()))) {
            s |= 4;
        } else if (!spec.type().equals("*")) {
            return -1;
        }
        if (lower(spec.subtype()).equals(lower(p.subtype()))) {
            s |= 2;
        } else if (!spec.subtype().equals("*")) {
            return -1;
        }
        if (!spec.params().isEmpty()) {
            for (Map.Entry<String, String> e : spec.params().entrySet()) {
                String want = e.getValue();
                String have = p.params().getOrDefault(e.getKey(), "");
                if (!want.equals("*") && !lower(want).equals(lower(have))) {
                    return -1;
                }
            }
            s |= 1;
        }
        return s;
    }

    /** negotiator {@code mediaTypes(available)}; a {@code null} header means {@code *}/{@code *}. */
    public static List<String> mediaTypes(String accept, List<String> available) {
        List<MediaRange> ranges = new ArrayList<>();
        for (Element e : parseHeader(accept == null ? "*/*" : accept)) {
            MediaRange m = mediaRange(e.value(), e.params(), e.index());
            if (m != null) {
                ranges.add(m);
            }
        }
        return negotiate(
                ranges,
                available,
                m -> new Spec(m.type() + "/" + m.subtype(), m.q(), 0, 0, m.i()),
                Negotiator::mediaSpecificity,
                BY_PRIORITY);
    }

    // ---------------------------------------------------------------- charsets & encodings

    private record Token(String value, double q, int i) {}

    private static List<Token> tokens(String header) {
        List<Token> out = new ArrayList<>();
        for (Element e : parseHeader(header)) {
            if (!e.value().isEmpty()) {
                out.add(new Token(e.value(), quality(e.params()), e.index()));
            }
        }
        return out;
    }

    private static int tokenSpecificity(String offer, Token spec) {
        if (lower(spec.value()).equals(lower(offer))) {
            return 1;
        }
        return spec.value().equals("*") ? 0 : -1;
    }

    /** negotiator {@code charsets(available)}; a {@code null} header means {@code *}. */
    public static List<String> charsets(String acceptCharset, List<String> available) {
        return negotiate(
                tokens(acceptCharset == null ? "*" : acceptCharset),
                available,
                t -> new Spec(t.value(), t.q(), 0, 0, t.i()),
                Negotiator::tokenSpecificity,
                BY_PRIORITY);
    }

    /**
     * negotiator {@code encodings(available)}. {@code identity} is acceptable unless the header
     * names it or {@code *} (it then gets the lowest q of the header); so an absent or empty header
     * accepts only {@code identity}.
     */
    public static List<String> encodings(String acceptEncoding, List<String> available) {
        return encodings(acceptEncoding, available, null);
    }

    /** As {@link #encodings(String, List)} with negotiator's {@code preferred} tie-break order. */
    public static List<String> encodings(String acceptEncoding, List<String> available, List<String> preferred) {
        String header = acceptEncoding == null ? "" : acceptEncoding;
        List<Element> elements = parseHeader(header);
        List<Token> accepts = new ArrayList<>();
        boolean hasIdentity = false;
        double minQuality = 1;
        for (Element e : elements) {
            if (e.value().isEmpty()) {
                continue;
            }
            Token t = new Token(e.value(), quality(e.params()), e.index());
            accepts.add(t);
            hasIdentity = hasIdentity || tokenSpecificity("identity", t) >= 0;
            double q = t.q() == 0 || Double.isNaN(t.q()) ? 1 : t.q();
            minQuality = Math.min(minQuality, q);
        }
        if (!hasIdentity) {
            accepts.add(new Token("identity", minQuality, elements.size()));
        }
        Comparator<Spec> order = preferred == null ? BY_PRIORITY : preferredOrder(preferred);
        return negotiate(
                accepts, available, t -> new Spec(t.value(), t.q(), 0, 0, t.i()), Negotiator::tokenSpecificity, order);
    }

    private static Comparator<Spec> preferredOrder(List<String> preferred) {
        Objects.requireNonNull(preferred);
        return (a, b) -> {
            if (Double.compare(a.q(), b.q()) != 0) {
                return Double.compare(b.q(), a.q());
            }
            int ap = preferred.indexOf(a.value());
            int bp = preferred.indexOf(b.value());
            if (ap == -1 && bp == -1) {
                return BY_PRIORITY.compare(a, b);
            }
            if (ap != -1 && bp != -1) {
                return Integer.compare(ap, bp);
            }
            return ap == -1 ? 1 : -1;
        };
    }

    // ---------------------------------------------------------------- languages

    private record Lang(String prefix, String full, double q, int i) {}

    private static Lang lang(String value, Map<String, String> params, int i) {
        if (value.isEmpty()) {
            return null;
        }
        int hyphen = value.indexOf('-');
        return new Lang(hyphen < 0 ? value : value.substring(0, hyphen), value, quality(params), i);
    }

    private static int langSpecificity(String offer, Lang spec) {
        Parsed parsed = parseValue(offer, 0, false);
        Lang p = lang(parsed.value(), parsed.params(), 0);
        if (p == null) {
            return -1;
        }
        if (lower(spec.full()).equals(lower(p.full()))) {
            return 4;
        }
        if (lower(spec.prefix()).equals(lower(p.full()))) {
            return 2;
        }
        if (lower(spec.full()).equals(lower(p.prefix()))) {
            return 1;
        }
        return spec.full().equals("*") ? 0 : -1;
    }

    /** negotiator {@code languages(available)}; a {@code null} header means {@code *}. */
    public static List<String> languages(String acceptLanguage, List<String> available) {
        List<Lang> langs = new ArrayList<>();
        for (Element e : parseHeader(acceptLanguage == null ? "*" : acceptLanguage)) {
            Lang l = lang(e.value(), e.params(), e.index());
            if (l != null) {
                langs.add(l);
            }
        }
        return negotiate(
                langs,
                available,
                l -> new Spec(l.full(), l.q(), 0, 0, l.i()),
                Negotiator::langSpecificity,
                BY_PRIORITY);
    }

    // ---------------------------------------------------------------- accepts 2.0.0

    /**
     * accepts {@code types(offers)} for a non-empty offer list: the best offer as given, or
     * {@code null} (Express's {@code false}). An absent or empty {@code Accept} header selects the
     * first offer. Offers without a {@code /} are extensions resolved by {@code extensionToType}
     * (returning {@code null} when unknown, like mime-types' {@code lookup}).
     */
    public static String acceptsType(String accept, List<String> offers, Function<String, String> extensionToType) {
        requireOffers(offers);
        if (accept == null || accept.isEmpty()) {
            return offers.get(0);
        }
        List<String> mimes = new ArrayList<>(offers.size());
        List<String> valid = new ArrayList<>();
        for (String offer : offers) {
            String mime = offer.indexOf('/') < 0 ? extensionToType.apply(offer) : offer;
            mimes.add(mime);
            if (mime != null) {
                valid.add(mime);
            }
        }
        List<String> accepted = mediaTypes(accept, valid);
        return accepted.isEmpty() ? null : offers.get(mimes.indexOf(accepted.get(0)));
    }

    /** accepts {@code encodings(offers)}: the best offer, or {@code null}. */
    public static String acceptsEncoding(String acceptEncoding, List<String> offers) {
        return first(encodings(acceptEncoding, requireOffers(offers)));
    }

    /** accepts {@code charsets(offers)}: the best offer, or {@code null}. */
    public static String acceptsCharset(String acceptCharset, List<String> offers) {
        return first(charsets(acceptCharset, requireOffers(offers)));
    }

    /** accepts {@code languages(offers)}: the best offer, or {@code null}. */
    public static String acceptsLanguage(String acceptLanguage, List<String> offers) {
        return first(languages(acceptLanguage, requireOffers(offers)));
    }

    private static List<String> requireOffers(List<String> offers) {
        if (offers == null || offers.isEmpty()) {
            throw new IllegalArgumentException(
                    "offers must not be empty; use the list methods for all acceptable values");
        }
        return offers;
    }

    private static String first(List<String> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
