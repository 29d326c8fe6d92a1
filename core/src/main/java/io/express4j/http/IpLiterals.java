package io.express4j.http;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * IP address text as Node shows and checks it: {@code net.isIP} (strict dotted-quad IPv4, IPv6 with an optional
 * zone) for {@code req.subdomains}, and the socket address text of {@code req.socket.remoteAddress}
 * ({@code inet_ntop}: compressed IPv6, {@code ::1} rather than Java's {@code 0:0:0:0:0:0:0:1}).
 */
public final class IpLiterals {
    private IpLiterals() {}

    /** Node's {@code net.isIP(s) !== 0}. */
    public static boolean isIp(String s) {
        return s != null && (isIpv4(s) || isIpv6(s));
    }

    /** Four decimal octets 0–255 without leading zeros. */
    public static boolean isIpv4(String s) {
        return ipv4Length(s, 0, s.length());
    }

    /** Eight hextets, one {@code ::}, an optional dotted-quad tail, an optional {@code %zone}. */
    public static boolean isIpv6(String s) {
        int end = s.length();
        int zone = s.indexOf('%');
        if (zone >= 0) {
            if (zone == end - 1) {
                return false;
            }
            for (int i = zone + 1; i < end; i++) {
                char c = s.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '-' && c != '.' && c != ':') {
                    return false;
                }
            }
            end = zone;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (s.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == end) {
                return true;
            }
        } else if (end > 0 && s.charAt(0) == ':') {
            return false;
        }
        while (i < end) {
            int j = i;
            while (j < end && j - i < 5 && isHex(s.charAt(j))) {
                j++;
            }
            if (j < end && s.charAt(j) == '.') {
                // a dotted-quad tail counts as two groups
                if (!ipv4Length(s, i, end)) {
                    return false;
                }
                groups += 2;
                i = end;
                break;
            }
            if (j == i || j - i > 4) {
                return false;
            }
            groups++;
            if (j == end) {
                i = end;
                break;
            }
            if (s.charAt(j) != ':') {
                return false;
            }
            if (j + 1 < end && s.charAt(j + 1) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i = j + 2;
                if (i == end) {
                    break;
                }
            } else {
                i = j + 1;
                if (i == end) {
                    return false;
                }
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    /**
     * How Node prints a socket's peer: IPv4 dotted; IPv6 with the longest run of two or more zero groups
     * compressed to {@code ::} (the first on a tie), lower-case hex, {@code ::a.b.c.d} for IPv4-compatible
     * addresses, and the scope as {@code %name} or {@code %index}. Java already turns IPv4-mapped peers of a
     * dual-stack socket into plain IPv4 addresses.
     */
    public static String format(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address.getHostAddress();
        }
        byte[] b = v6.getAddress();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int[] run = longestZeroRun(words);
        int bestBase = run[0];
        int bestLen = run[1];
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            boolean v4Tail = i == 6
                    && bestBase == 0
                    && (bestLen == 6 || (bestLen == 7 && words[7] != 1) || (bestLen == 5 && words[5] == 0xFFFF));
            if (v4Tail) {
                out.append(b[12] & 0xFF)
                        .append('.')
                        .append(b[13] & 0xFF)
                        .append('.')
                        .append(b[14] & 0xFF)
                        .append('.')
                        .append(b[15] & 0xFF);
                break;
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.append(':');
        }
        if (v6.getScopedInterface() != null) {
            out.append('%').append(v6.getScopedInterface().getName());
        } else if (v6.getScopeId() != 0) {
            out.append('%').append(v6.getScopeId());
        }
        return out.toString();
    }

    /**
     * RFC 5952's choice of what {@code ::} stands for in eight 16-bit groups: the longest run of two or more zero
     * groups, the first on a tie. Returns {start, length}, or {-1, 0} when there is none.
     */
    static int[] longestZeroRun(int[] words) {
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        return bestLen < 2 ? new int[] {-1, 0} : new int[] {bestBase, bestLen};
    }

    private static boolean ipv4Length(String s, int from, int end) {
        int parts = 0;
        int i = from;
        while (true) {
            int j = i;
            while (j < end && j - i < 4 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            int len = j - i;
            if (len == 0 || len > 3 || (len > 1 && s.charAt(i) == '0')) {
                return false;
            }
            if (Integer.parseInt(s, i, j, 10) > 255) {
                return false;
            }
            parts++;
            if (j == end) {
                return parts == 4;
            }
            if (s.charAt(j) != '.' || parts == 4) {
                return false;
            }
            i = j + 1;
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
