package io.express4j.http;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address literal parsed with the rules of npm {@code ipaddr.js} 1.9.1 (the parser
 * behind proxy-addr), so that exactly the same strings are accepted: including its legacy IPv4 forms
 * ({@code 0x7f.1.1.1}, octal {@code 010.0.0.1}, a single 32-bit number) and IPv6 zone ids. Parsing is
 * purely textual: no DNS, no {@code InetAddress}. Package-private: used by {@link ProxyAddr}.
 */
final class IpAddress {

    private static final String V4_PART = "(0?\\d+|0x[a-f0-9]+)";
    private static final Pattern V4_FOUR =
            Pattern.compile(V4_PART + "\\." + V4_PART + "\\." + V4_PART + "\\." + V4_PART, Pattern.CASE_INSENSITIVE);
    private static final Pattern V4_LONG = Pattern.compile(V4_PART, Pattern.CASE_INSENSITIVE);
    private static final String V6_PART = "(?:[0-9a-f]+::?)+";
    private static final String ZONE = "%[0-9a-z]{1,}";
    private static final Pattern ZONE_INDEX = Pattern.compile(ZONE, Pattern.CASE_INSENSITIVE);
    private static final Pattern V6_NATIVE =
            Pattern.compile("(::)?(" + V6_PART + ")?([0-9a-f]+)?(::)?(" + ZONE + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern V6_TRANSITIONAL = Pattern.compile(
            "((?:" + V6_PART + ")|(?:::)(?:" + V6_PART + ")?)" + V4_PART + "\\." + V4_PART + "\\." + V4_PART + "\\."
                    + V4_PART + "(" + ZONE + ")?",
            Pattern.CASE_INSENSITIVE);

    /**
     * No IPv6 literal that ipaddr.js accepts has more than 9 colons (8 groups plus a leading or
     * trailing {@code ::}); longer candidates are rejected up front, which also keeps the regular
     * expressions below from recursing deeply on hostile {@code X-Forwarded-For} values.
     */
    private static final int MAX_COLONS = 10;

    /** True for IPv6 (eight 16-bit parts), false for IPv4 (four octets). */
    final boolean ipv6;

    private final int[] parts;

    private IpAddress(boolean ipv6, int[] parts) {
        this.ipv6 = ipv6;
        this.parts = parts;
    }

    /** {@code ipaddr.parse}: IPv6 first, then IPv4; {@code null} where {@code ipaddr.isValid} is false. */
    static IpAddress parse(String s) {
        if (s == null) {
            return null;
        }
        int colons = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ':') {
                colons++;
            }
        }
        if (colons > MAX_COLONS) {
            return null;
        }
        if (colons > 0) {
            int[] v6 = parseV6(s);
            if (v6 != null) {
                return new IpAddress(true, v6);
            }
        }
        int[] v4 = parseV4(s);
        return v4 == null ? null : new IpAddress(false, v4);
    }

    static boolean isValid(String s) {
        return parse(s) != null;
    }

    private static int[] parseV4(String s) {
        Matcher m = V4_FOUR.matcher(s);
        if (m.matches()) {
            int[] octets = new int[4];
            for (int i = 0; i < 4; i++) {
                long v = parseIntAuto(m.group(i + 1));
                if (v < 0 || v > 255) {
                    return null;
                }
                octets[i] = (int) v;
            }
            return octets;
        }
        m = V4_LONG.matcher(s);
        if (m.matches()) {
            long v = parseIntAuto(m.group(1));
            if (v < 0 || v > 0xFFFFFFFFL) {
                return null;
            }
            return new int[] {(int) (v >>> 24) & 0xFF, (int) (v >>> 16) & 0xFF, (int) (v >>> 8) & 0xFF, (int) v & 0xFF};
        }
        return null;
    }

    /** ipaddr's {@code parseIntAuto}: a leading 0 not followed by a lower-case x means octal. */
    private static long parseIntAuto(String s) {
        if (s.charAt(0) == '0' && (s.length() < 2 || s.charAt(1) != 'x')) {
            return parseIntPrefix(s, 0, 8);
        }
        if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            return parseIntPrefix(s, 2, 16);
        }
        return parseIntPrefix(s, 0, 10);
    }

    /** JavaScript {@code parseInt}: longest digit prefix, -1 for NaN, saturating instead of losing precision. */
    static long parseIntPrefix(String s, int from, int radix) {
        long v = 0;
        int i = from;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c < 0x80 ? Character.digit(c, radix) : -1;
            if (d < 0) {
                break;
            }
            v = v > (Long.MAX_VALUE - d) / radix ? Long.MAX_VALUE : v * radix + d;
        }
        return i == from ? -1 : v;
    }

    private static int[] parseV6(String s) {
        if (V6_NATIVE.matcher(s).matches()) {
            return checkParts(expand(s, 8));
        }
        Matcher m = V6_TRANSITIONAL.matcher(s);
        if (m.matches()) {
            String zone = m.group(6) == null ? "" : m.group(6);
            String prefix = m.group(1);
            long[] head = expand(prefix.substring(0, prefix.length() - 1) + zone, 6);
            if (head == null) {
                return null;
            }
            long[] octets = new long[4];
            for (int i = 0; i < 4; i++) {
                String p = m.group(i + 2);
                octets[i] = p.length() > 1 && p.charAt(0) == '0' && (p.charAt(1) == 'x' || p.charAt(1) == 'X')
                        ? parseIntPrefix(p, 2, 16)
                        : parseIntPrefix(p, 0, 10);
                if (octets[i] < 0 || octets[i] > 255) {
                    return null;
                }
            }
            long[] all = Arrays.copyOf(head, head.length + 2);
            all[head.length] = octets[0] << 8 | octets[1];
            all[head.length + 1] = octets[2] << 8 | octets[3];
            return checkParts(all);
        }
        return null;
    }

    /** ipaddr's {@code expandIPv6}: parts as numbers (-1 for an empty/NaN part), or null. */
    private static long[] expand(String string, int count) {
        int dbl = string.indexOf("::");
        if (dbl != string.lastIndexOf("::")) {
            return null;
        }
        Matcher zm = ZONE_INDEX.matcher(string);
        if (zm.find()) {
            int pct = string.indexOf('%');
            if (pct >= 0 && pct < string.length() - 1) {
                string = string.substring(0, pct);
            }
        }
        int colons = 0;
        for (int i = 0; i < string.length(); i++) {
            if (string.charAt(i) == ':') {
                colons++;
            }
        }
        if (string.startsWith("::")) {
            colons--;
        }
        if (string.endsWith("::")) {
            colons--;
        }
        if (colons > count) {
            return null;
        }
        StringBuilder replacement = new StringBuilder(":");
        for (int r = count - colons; r > 0; r--) {
            replacement.append("0:");
        }
        int at = string.indexOf("::");
        if (at >= 0) {
            string = string.substring(0, at) + replacement + string.substring(at + 2);
        }
        if (string.startsWith(":")) {
            string = string.substring(1);
        }
        if (string.endsWith(":")) {
            string = string.substring(0, string.length() - 1);
        }
        String[] pieces = string.split(":", -1);
        long[] out = new long[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            out[i] = parseIntPrefix(pieces[i], 0, 16);
        }
        return out;
    }

    private static int[] checkParts(long[] parts) {
        if (parts == null || parts.length != 8) {
            return null;
        }
        int[] out = new int[8];
        for (int i = 0; i < 8; i++) {
            if (parts[i] < 0 || parts[i] > 0xFFFF) {
                return null;
            }
            out[i] = (int) parts[i];
        }
        return out;
    }

    /** The address bits as 4 octets (IPv4) or 8 hextets (IPv6). */
    int bitsPerPart() {
        return ipv6 ? 16 : 8;
    }

    int maxPrefix() {
        return ipv6 ? 128 : 32;
    }

    boolean isIPv4Mapped() {
        return ipv6
                && parts[0] == 0
                && parts[1] == 0
                && parts[2] == 0
                && parts[3] == 0
                && parts[4] == 0
                && parts[5] == 0xFFFF;
    }

    IpAddress toIPv4() {
        if (!isIPv4Mapped()) {
            throw new IllegalStateException("ipaddr: trying to convert a generic ipv6 address to ipv4");
        }
        return new IpAddress(false, new int[] {parts[6] >> 8, parts[6] & 0xFF, parts[7] >> 8, parts[7] & 0xFF});
    }

    IpAddress toIPv4Mapped() {
        if (ipv6) {
            throw new IllegalStateException("not an IPv4 address");
        }
        return new IpAddress(
                true, new int[] {0, 0, 0, 0, 0, 0xFFFF, parts[0] << 8 | parts[1], parts[2] << 8 | parts[3]});
    }

    /** CIDR match against {@code subnet/bits}; both must be the same family. */
    boolean matches(IpAddress subnet, int bits) {
        if (subnet.ipv6 != ipv6) {
            throw new IllegalArgumentException("ipaddr: cannot match addresses of different families");
        }
        int size = bitsPerPart();
        for (int part = 0; bits > 0; part++, bits -= size) {
            int shift = Math.max(size - bits, 0);
            if (parts[part] >> shift != subnet.parts[part] >> shift) {
                return false;
            }
        }
        return true;
    }

    /** ipaddr's {@code prefixLengthFromSubnetMask} for IPv4 masks; -1 for a non-contiguous mask. */
    int prefixLengthFromSubnetMask() {
        int cidr = 0;
        boolean stop = false;
        for (int i = parts.length - 1; i >= 0; i--) {
            int zeros = trailingZeroBitsOfMaskPart(parts[i], bitsPerPart());
            if (zeros < 0 || (stop && zeros != 0)) {
                return -1;
            }
            if (zeros != bitsPerPart()) {
                stop = true;
            }
            cidr += zeros;
        }
        return maxPrefix() - cidr;
    }

    private static int trailingZeroBitsOfMaskPart(int value, int size) {
        for (int zeros = 0; zeros <= size; zeros++) {
            int mask = ((1 << size) - 1) & ~((1 << zeros) - 1);
            if (value == mask) {
                return zeros;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(ipv6 ? ':' : '.');
            }
            sb.append(ipv6 ? Integer.toHexString(parts[i]) : Integer.toString(parts[i]));
        }
        return sb.toString();
    }
}
