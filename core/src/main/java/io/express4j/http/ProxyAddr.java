package io.express4j.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Express's {@code trust proxy} handling: compiling the setting (Express {@code compileTrust} on top
 * of npm {@code proxy-addr} 2.0.8, the version Express 5.3.0 installs) and walking
 * {@code X-Forwarded-For} (npm {@code forwarded} 0.2.0) to compute {@code req.ip} / {@code req.ips}.
 *
 * <p>Address literals are parsed textually with ipaddr.js's rules ({@link IpAddress}); nothing here
 * resolves host names. IPv4-mapped IPv6 candidates ({@code ::ffff:127.0.0.1}) are compared as IPv4;
 * an IPv6 subnet only covers IPv4 addresses when it is itself IPv4-mapped with a prefix of at least
 * 96 bits (the proxy-addr 2.0.8 fix).
 */
public final class ProxyAddr {

    private static final Map<String, List<String>> NAMED_RANGES = Map.of(
            "linklocal", List.of("169.254.0.0/16", "fe80::/10"),
            "loopback", List.of("127.0.0.1/8", "::1/128"),
            "uniquelocal", List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"));

    private ProxyAddr() {}

    private record Subnet(IpAddress ip, int bits) {}

    /**
     * Compiles a {@code trust proxy} value the way Express does: a {@link TrustPredicate} is used as
     * is; {@code true} trusts all; {@code false} or {@code null} trusts none; a {@link Number} n
     * trusts the hops with index {@code < n}; a {@link String} is split on commas and each item
     * trimmed; a {@link List} of strings is used as given. Items are IPv4/IPv6 addresses, CIDR
     * ({@code 10.0.0.0/8}), IPv4 netmask ({@code 10.0.0.0/255.0.0.0}) forms, or the names
     * {@code loopback}, {@code linklocal}, {@code uniquelocal}.
     *
     * @throws IllegalArgumentException with proxy-addr's message ({@code invalid IP address: x},
     *     {@code invalid range on address: x}, {@code unsupported trust argument})
     */
    public static TrustPredicate compile(Object trust) {
        if (trust instanceof TrustPredicate predicate) {
            return predicate;
        }
        if (trust == null || Boolean.FALSE.equals(trust)) {
            return TrustPredicate.NONE;
        }
        if (Boolean.TRUE.equals(trust)) {
            return TrustPredicate.ALL;
        }
        if (trust instanceof Number n) {
            double hops = n.doubleValue();
            return (addr, i) -> i < hops;
        }
        List<String> items = new ArrayList<>();
        if (trust instanceof String s) {
            for (String part : s.split(",", -1)) {
                items.add(JsStrings.trim(part));
            }
        } else if (trust instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String str)) {
                    throw new IllegalArgumentException("unsupported trust argument");
                }
                items.add(str);
            }
        } else {
            throw new IllegalArgumentException("unsupported trust argument");
        }
        return compileList(items);
    }

    private static TrustPredicate compileList(List<String> items) {
        List<Subnet> subnets = new ArrayList<>();
        for (String item : items) {
            List<String> named = NAMED_RANGES.get(item);
            if (named != null) {
                for (String n : named) {
                    subnets.add(parseNotation(n));
                }
            } else {
                subnets.add(parseNotation(item));
            }
        }
        if (subnets.isEmpty()) {
            return TrustPredicate.NONE;
        }
        List<Subnet> frozen = List.copyOf(subnets);
        return (addr, hopIndex) -> trusted(addr, frozen);
    }

    private static Subnet parseNotation(String note) {
        int pos = note.lastIndexOf('/');
        String str = pos >= 0 ? note.substring(0, pos) : note;
        IpAddress ip = IpAddress.parse(str);
        if (ip == null) {
            throw new IllegalArgumentException("invalid IP address: " + str);
        }
        if (pos < 0 && ip.isIPv4Mapped()) {
            ip = ip.toIPv4();
        }
        int max = ip.maxPrefix();
        long range;
        if (pos < 0) {
            range = max;
        } else {
            String r = note.substring(pos + 1);
            if (!r.isEmpty() && r.chars().allMatch(c -> c >= '0' && c <= '9')) {
                range = IpAddress.parseIntPrefix(r, 0, 10);
            } else if (!ip.ipv6 && IpAddress.isValid(r)) {
                IpAddress mask = IpAddress.parse(r);
                range = mask.ipv6 ? -1 : mask.prefixLengthFromSubnetMask();
            } else {
                range = -1;
            }
        }
        if (range <= 0 || range > max) {
            throw new IllegalArgumentException("invalid range on address: " + note);
        }
        return new Subnet(ip, (int) range);
    }

    private static boolean trusted(String addr, List<Subnet> subnets) {
        IpAddress ip = IpAddress.parse(addr);
        if (ip == null) {
            return false;
        }
        if (ip.isIPv4Mapped()) {
            ip = ip.toIPv4();
        }
        for (Subnet subnet : subnets) {
            IpAddress candidate = ip;
            if (ip.ipv6 != subnet.ip().ipv6) {
                if (!subnet.ip().ipv6) {
                    continue; // a native IPv6 address never matches an IPv4 range
                }
                if (!(subnet.bits() >= 96 && subnet.ip().isIPv4Mapped())) {
                    continue; // an IPv6 range only spans IPv4 when it is a mapped range
                }
                candidate = ip.toIPv4Mapped();
            } else if (ip.ipv6 && subnet.ip().isIPv4Mapped()) {
                continue; // a native IPv6 address never matches a mapped range
            }
            if (candidate.matches(subnet.ip(), subnet.bits())) {
                return true;
            }
        }
        return false;
    }

    /**
     * npm {@code forwarded}: the socket address followed by the {@code X-Forwarded-For} entries from
     * right (nearest) to left; a {@code null} header counts as empty. Only spaces are trimmed.
     */
    public static List<String> forwarded(String socketAddr, String xForwardedFor) {
        List<String> addrs = new ArrayList<>();
        addrs.add(socketAddr);
        String header = xForwardedFor == null ? "" : xForwardedFor;
        int end = header.length();
        int start = header.length();
        for (int i = header.length() - 1; i >= 0; i--) {
            char c = header.charAt(i);
            if (c == ' ') {
                if (start == end) {
                    start = end = i;
                }
            } else if (c == ',') {
                if (start != end) {
                    addrs.add(header.substring(start, end));
                }
                start = end = i;
            } else {
                start = i;
            }
        }
        if (start != end) {
            addrs.add(header.substring(start, end));
        }
        return addrs;
    }

    /**
     * proxy-addr {@code all}: the socket address, then forwarded addresses nearest first, cut after
     * the first hop that {@code trust} does not trust (the last entry is never tested). A
     * {@code null} trust returns every address. The socket address may be {@code null}.
     */
    public static List<String> all(String socketAddr, String xForwardedFor, TrustPredicate trust) {
        List<String> addrs = forwarded(socketAddr, xForwardedFor);
        if (trust == null) {
            return Collections.unmodifiableList(addrs);
        }
        for (int i = 0; i < addrs.size() - 1; i++) {
            if (!trust.trusts(addrs.get(i), i)) {
                return Collections.unmodifiableList(new ArrayList<>(addrs.subList(0, i + 1)));
            }
        }
        return Collections.unmodifiableList(addrs);
    }

    /** proxy-addr itself ({@code req.ip}): the furthest address reached through trusted hops. */
    public static String addr(String socketAddr, String xForwardedFor, TrustPredicate trust) {
        if (trust == null) {
            throw new IllegalArgumentException("trust argument is required");
        }
        List<String> addrs = all(socketAddr, xForwardedFor, trust);
        return addrs.get(addrs.size() - 1);
    }

    /** Express {@code req.ips}: the trusted chain client-first, without the socket address. */
    public static List<String> ips(String socketAddr, String xForwardedFor, TrustPredicate trust) {
        List<String> addrs = new ArrayList<>(all(socketAddr, xForwardedFor, trust));
        Collections.reverse(addrs);
        addrs.remove(addrs.size() - 1);
        return Collections.unmodifiableList(addrs);
    }
}
