package io.express4j.http;

import java.util.Locale;

/**
 * express-rate-limit 8's {@code ipKeyGenerator}: the key a client is counted under. An IPv4 address is its own key;
 * an IPv4 address written as IPv6 (mapped {@code ::ffff:a.b.c.d}, or the old compatible {@code ::a.b.c.d}) is keyed
 * as the IPv4 address; any other IPv6 address is keyed by its network ({@code 2001:db8:1234:5600::/56}), because
 * one client usually holds a whole /64 or more and could otherwise step past the limit by changing address.
 */
public final class IpKeys {
    /** The prefix length express-rate-limit groups IPv6 clients by. */
    public static final int DEFAULT_IPV6_SUBNET = 56;

    private IpKeys() {}

    /**
     * The key for {@code ip}; {@code subnet} 0 keeps an IPv6 address whole (express-rate-limit's
     * {@code ipv6Subnet: false}). Anything that is not an IPv6 literal comes back unchanged.
     */
    public static String key(String ip, int subnet) {
        if (ip == null || !IpLiterals.isIpv6(ip)) return ip;
        String literal = ip;
        int zone = literal.indexOf('%');
        if (zone >= 0) literal = literal.substring(0, zone);
        boolean dottedTail = literal.indexOf('.') >= 0;
        int[] hextets = parse(literal);
        if (isMappedV4(hextets) || (dottedTail && isCompatibleV4(hextets))) {
            return (hextets[6] >> 8) + "." + (hextets[6] & 0xff) + "." + (hextets[7] >> 8) + "." + (hextets[7] & 0xff);
        }
        if (subnet <= 0) return ip;
        return format(mask(hextets, subnet)) + "/" + subnet;
    }

    private static boolean isMappedV4(int[] h) {
        return h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 0 && h[4] == 0 && h[5] == 0xffff;
    }

    private static boolean isCompatibleV4(int[] h) {
        return h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 0 && h[4] == 0 && h[5] == 0;
    }

    /** The eight 16-bit parts of a literal already checked by {@link IpLiterals#isIpv6}. */
    static int[] parse(String literal) {
        String s = literal.toLowerCase(Locale.ROOT);
        int lastColon = s.lastIndexOf(':');
        String tail = s.substring(lastColon + 1);
        int[] v4 = null;
        if (tail.indexOf('.') >= 0) {
            String[] octets = tail.split("\\.");
            v4 = new int[] {
                Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]),
                Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3])
            };
            s = s.substring(0, lastColon + 1) + "0:0";
        }
        int[] out = new int[8];
        int gap = s.indexOf("::");
        String[] head = gap < 0 ? s.split(":") : parts(s.substring(0, gap));
        String[] rest = gap < 0 ? new String[0] : parts(s.substring(gap + 2));
        for (int i = 0; i < head.length; i++) out[i] = Integer.parseInt(head[i], 16);
        for (int i = 0; i < rest.length; i++) out[8 - rest.length + i] = Integer.parseInt(rest[i], 16);
        if (v4 != null) {
            out[6] = v4[0];
            out[7] = v4[1];
        }
        return out;
    }

    private static String[] parts(String s) {
        return s.isEmpty() ? new String[0] : s.split(":");
    }

    private static int[] mask(int[] hextets, int bits) {
        int[] out = new int[8];
        for (int i = 0; i < 8; i++) {
            int keep = Math.max(0, Math.min(16, bits - 16 * i));
            out[i] = keep == 0 ? 0 : hextets[i] & (0xffff << (16 - keep)) & 0xffff;
        }
        return out;
    }

    /**
     * RFC 5952 text as ip-address prints it: lower-case hex without leading zeros, the longest zero run as
     * {@code ::}, and never a dotted-quad tail (Node's own formatting, {@link IpLiterals#format}, writes one).
     */
    static String format(int[] h) {
        int[] run = IpLiterals.longestZeroRun(h);
        int bestStart = run[0];
        int bestLength = run[1];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(h[i]));
        }
        return sb.toString();
    }
}
