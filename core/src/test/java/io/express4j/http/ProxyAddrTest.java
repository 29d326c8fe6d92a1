package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors npm proxy-addr's test/test.js (v2.0.7 suite, which 2.0.8 still passes), with results
 * recorded from proxy-addr 2.0.8 (the version Express 5.3.0 installs), plus extra cases evaluated on
 * the same package: the 2.0.8 IPv4/IPv6 cross-family rules, legacy IPv4 literals, Express's
 * {@code compileTrust} forms (boolean, hop count, comma list) and ipaddr.js 1.9.1 literal parsing.
 */
class ProxyAddrTest {

    private static List<String> l(String... values) {
        return Arrays.asList(values);
    }

    /** The named trust functions of the upstream suite, or proxy-addr's own compile of a string/list. */
    private static TrustPredicate trust(Object spec) {
        if (spec instanceof String s && s.startsWith("fn:")) {
            return switch (s) {
                case "fn:all" -> TrustPredicate.ALL;
                case "fn:none" -> TrustPredicate.NONE;
                case "fn:trust10x" -> (addr, i) -> addr != null && addr.startsWith("10.");
                default -> throw new IllegalArgumentException(s);
            };
        }
        // proxy-addr takes a single string without splitting it: wrap it in a list
        return ProxyAddr.compile(spec instanceof String s ? List.of(s) : spec);
    }

    @ParameterizedTest(name = "{0}: socket {1}, X-Forwarded-For {2}, trust {3}")
    @MethodSource
    void walks(String kind, String socket, String xff, Object trust, List<String> expected) {
        if (kind.equals("all")) {
            assertThat(ProxyAddr.all(socket, xff, trust == null ? null : trust(trust)))
                    .isEqualTo(expected);
        } else {
            assertThat(ProxyAddr.addr(socket, xff, trust(trust))).isEqualTo(expected.get(0));
        }
    }

    @ParameterizedTest(name = "trust {0} -> {1}")
    @MethodSource
    void invalidTrust(Object trust, String message) {
        if (message == null) {
            trust(trust);
            return;
        }
        assertThatThrownBy(() -> trust(trust))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "trust proxy {0}: socket {1}, X-Forwarded-For {2}")
    @MethodSource
    void expressTrust(Object setting, String socket, String xff, List<String> all, String ip, List<String> ips) {
        TrustPredicate fn = ProxyAddr.compile(setting);
        assertThat(ProxyAddr.all(socket, xff, fn)).isEqualTo(all);
        assertThat(ProxyAddr.addr(socket, xff, fn)).isEqualTo(ip);
        assertThat(ProxyAddr.ips(socket, xff, fn)).isEqualTo(ips);
    }

    @ParameterizedTest(name = "ipaddr.js parses {0} as {1}")
    @MethodSource
    void literals(String literal, String normalized) {
        IpAddress ip = IpAddress.parse(literal);
        assertThat(ip == null ? null : ip.toString()).isEqualTo(normalized);
    }

    @Test
    void trustFunctionSeesEachTestedHopWithItsIndex() {
        List<List<Object>> log = new ArrayList<>();
        TrustPredicate logging = (addr, i) -> log.add(List.of(addr, i));
        assertThat(ProxyAddr.addr("127.0.0.1", "192.168.0.1, 10.0.0.1", logging))
                .isEqualTo("192.168.0.1");
        assertThat(log).containsExactly(List.of("127.0.0.1", 0), List.of("10.0.0.1", 1));

        log.clear();
        assertThat(ProxyAddr.addr("127.0.0.1", "myrouter, 127.0.0.1, proxy", logging))
                .isEqualTo("myrouter");
        assertThat(log).containsExactly(List.of("127.0.0.1", 0), List.of("proxy", 1), List.of("127.0.0.1", 2));
    }

    @Test
    void expressSettingsThatProxyAddrAloneWouldTreatDifferently() {
        // Express splits strings on commas and trims; an empty item is an invalid address
        assertThatThrownBy(() -> ProxyAddr.compile("")).hasMessage("invalid IP address: ");
        assertThatThrownBy(() -> ProxyAddr.compile("loopback,")).hasMessage("invalid IP address: ");
        assertThatThrownBy(() -> ProxyAddr.compile(new Object())).hasMessage("unsupported trust argument");
        // null (setting never made) trusts nothing; a predicate is used as is
        assertThat(ProxyAddr.compile(null)).isSameAs(TrustPredicate.NONE);
        TrustPredicate own = (addr, i) -> i == 0;
        assertThat(ProxyAddr.compile(own)).isSameAs(own);
        assertThatThrownBy(() -> ProxyAddr.addr("127.0.0.1", null, null)).hasMessage("trust argument is required");
    }

    @Test
    void socketAddressMayBeUnknown() {
        assertThat(ProxyAddr.addr(null, null, trust("127.0.0.1"))).isNull();
        assertThat(ProxyAddr.all(null, "127.0.0.1, 10.0.0.1", trust("127.0.0.1")))
                .containsExactly((String) null);
        assertThat(ProxyAddr.ips("127.0.0.1", null, TrustPredicate.ALL)).isEmpty();
    }

    @Test
    void hostileForwardedEntriesAreJustUntrusted() throws InterruptedException {
        // proxy-addr 2.0.8 gives the same answers; the Java parser must not recurse on them
        String big = "1:".repeat(5000) + "x";
        TrustPredicate loopback = ProxyAddr.compile("loopback");
        assertThat(ProxyAddr.all("127.0.0.1", big + ", 2.2.2.2", loopback)).containsExactly("127.0.0.1", "2.2.2.2");
        assertThat(ProxyAddr.addr("127.0.0.1", "1.1.1.1, " + big, loopback)).isEqualTo(big);
        AtomicReference<Object> onVirtualThread = new AtomicReference<>("not run");
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                onVirtualThread.set(IpAddress.parse(big));
            } catch (Throwable e) {
                onVirtualThread.set(e);
            }
        });
        t.join();
        assertThat(onVirtualThread.get()).isNull();
        assertThat(IpAddress.parse("1:2:3:4:5:6:7::")).isNotNull();
    }

    @Test
    void theExpressSpecExample() {
        // EXPRESS.md section 4: peer 127.0.0.1, X-Forwarded-For: 1.1.1.1, 2.2.2.2
        String xff = "1.1.1.1, 2.2.2.2";
        assertThat(ProxyAddr.addr("127.0.0.1", xff, ProxyAddr.compile(true))).isEqualTo("1.1.1.1");
        assertThat(ProxyAddr.ips("127.0.0.1", xff, ProxyAddr.compile(true))).containsExactly("1.1.1.1", "2.2.2.2");
        for (Object setting : List.of("loopback", 1)) {
            assertThat(ProxyAddr.addr("127.0.0.1", xff, ProxyAddr.compile(setting)))
                    .isEqualTo("2.2.2.2");
            assertThat(ProxyAddr.ips("127.0.0.1", xff, ProxyAddr.compile(setting)))
                    .containsExactly("2.2.2.2");
        }
    }

    // ------------------------------------------------------------------ tables

    static Stream<Arguments> walks() {
        return Stream.of(
                arguments("addr", "127.0.0.1", null, "fn:all", l("127.0.0.1")),
                arguments("addr", "127.0.0.1", null, l(), l("127.0.0.1")),
                arguments("addr", "127.0.0.1", null, "127.0.0.1", l("127.0.0.1")),
                arguments("addr", "127.0.0.1", null, "::1", l("127.0.0.1")),
                arguments("addr", "127.0.0.1", null, "::ffff:127.0.0.1", l("127.0.0.1")),
                arguments("addr", "127.0.0.1", null, "loopback", l("127.0.0.1")),
                arguments("addr", "127.0.0.1", null, l("loopback", "10.0.0.1"), l("127.0.0.1")),
                arguments("addr", "127.0.0.1", "10.0.0.1", "fn:all", l("10.0.0.1")),
                arguments("addr", "127.0.0.1", "10.0.0.1, 10.0.0.2", "fn:all", l("10.0.0.1")),
                arguments("addr", "127.0.0.1", null, "fn:none", l("127.0.0.1")),
                arguments("addr", "127.0.0.1", "10.0.0.1, 10.0.0.2", "fn:none", l("127.0.0.1")),
                arguments("addr", "127.0.0.1", null, "fn:trust10x", l("127.0.0.1")),
                arguments("addr", "127.0.0.1", "10.0.0.1, 10.0.0.2", "fn:trust10x", l("127.0.0.1")),
                arguments("addr", "10.0.0.1", "192.168.0.1", "fn:trust10x", l("192.168.0.1")),
                arguments("addr", "10.0.0.1", "192.168.0.1, 10.0.0.2", "fn:trust10x", l("192.168.0.1")),
                arguments("addr", "10.0.0.1", "10.0.0.3, 192.168.0.1, 10.0.0.2", "fn:trust10x", l("192.168.0.1")),
                arguments("addr", "10.0.0.1", "192.168.0.1, 10.0.0.2", l("10.0.0.1", "10.0.0.2"), l("192.168.0.1")),
                arguments(
                        "addr",
                        "10.0.0.1",
                        "192.168.0.1, 10.0.0.2, localhost",
                        l("10.0.0.1", "10.0.0.2"),
                        l("localhost")),
                arguments("addr", "10.0.0.1", "192.168.0.1, 10.0.0.2", l("127.0.0.1", "192.168.0.100"), l("10.0.0.1")),
                arguments("addr", "127.0.0.1", "10.0.0.1, 10.0.0.2", l(), l("127.0.0.1")),
                arguments("addr", "10.0.0.1", "192.168.0.1, 10.0.0.200", "10.0.0.2/26", l("10.0.0.200")),
                arguments("addr", "10.0.0.1", "192.168.0.1, 10.0.0.200", "10.0.0.2/255.255.255.192", l("10.0.0.200")),
                arguments(
                        "addr", "fe80::1", "2002:c000:203::1, fe80::2", l("fe80::1", "fe80::2"), l("2002:c000:203::1")),
                arguments("addr", "fe80::1", "2002:c000:203::1, fe80::ff00", "fe80::/125", l("fe80::ff00")),
                arguments("addr", "::1", "2002:c000:203::1", l("127.0.0.1", "::1"), l("2002:c000:203::1")),
                arguments("addr", "::1", "2002:c000:203::1", "127.0.0.1", l("::1")),
                arguments("addr", "::ffff:a00:1", "192.168.0.1, 10.0.0.2", l("10.0.0.1", "10.0.0.2"), l("192.168.0.1")),
                arguments("addr", "::ffff:a00:1", "192.168.0.1, 10.0.0.2", l("10.0.0.1/16"), l("192.168.0.1")),
                arguments(
                        "addr",
                        "10.0.0.1",
                        "192.168.0.1, 10.0.0.2",
                        l("::ffff:a00:1", "::ffff:a00:2"),
                        l("192.168.0.1")),
                arguments("addr", "10.0.0.1", "192.168.0.1, 10.0.0.200", "::ffff:a00:2/122", l("10.0.0.200")),
                arguments(
                        "addr",
                        "10.0.0.1",
                        "192.168.0.1, 10.0.0.200",
                        l("::ffff:a00:2/122", "fe80::/125"),
                        l("10.0.0.200")),
                arguments(
                        "addr",
                        "10.0.0.1",
                        "192.168.0.1, 10.0.0.200",
                        l("::ffff:a00:2/122", "127.0.0.1"),
                        l("10.0.0.200")),
                arguments("addr", "fe80::1", "2002:c000:203::1, fe80::2", "linklocal", l("2002:c000:203::1")),
                arguments(
                        "addr", "::1", "2002:c000:203::1, fe80::2", l("loopback", "linklocal"), l("2002:c000:203::1")),
                arguments("addr", "127.0.0.1", "myrouter, 127.0.0.1, proxy", "127.0.0.1", l("proxy")),
                arguments(
                        "addr",
                        "127.0.0.1",
                        "myrouter, 127.0.0.1, ::8:8:8:8:8:8:8:8:8",
                        "127.0.0.1",
                        l("::8:8:8:8:8:8:8:8:8")),
                arguments("addr", null, null, "127.0.0.1", l((String) null)),
                arguments("addr", null, "127.0.0.1, 10.0.0.1", "127.0.0.1", l((String) null)),
                arguments("all", "127.0.0.1", "10.0.0.1, 10.0.0.2", "127.0.0.1", l("127.0.0.1", "10.0.0.2")),
                arguments("all", "127.0.0.1", "10.0.0.1, 10.0.0.2", l(), l("127.0.0.1")),
                arguments("all", "0x7f.0.0.1", "1.1.1.1", "127.0.0.1", l("0x7f.0.0.1", "1.1.1.1")),
                arguments("addr", "0x7f.0.0.1", "1.1.1.1", "127.0.0.1", l("1.1.1.1")),
                arguments("all", "2130706433", "1.1.1.1", "127.0.0.1", l("2130706433", "1.1.1.1")),
                arguments("addr", "2130706433", "1.1.1.1", "127.0.0.1", l("1.1.1.1")),
                arguments("all", "0177.0.0.1", "1.1.1.1", "127.0.0.1", l("0177.0.0.1", "1.1.1.1")),
                arguments("addr", "0177.0.0.1", "1.1.1.1", "127.0.0.1", l("1.1.1.1")),
                arguments("all", "127.1", "1.1.1.1", "loopback", l("127.1")),
                arguments("addr", "127.1", "1.1.1.1", "loopback", l("127.1")),
                arguments("all", "::ffff:127.0.0.1", "1.1.1.1", "loopback", l("::ffff:127.0.0.1", "1.1.1.1")),
                arguments("addr", "::ffff:127.0.0.1", "1.1.1.1", "loopback", l("1.1.1.1")),
                arguments("all", "::ffff:7f00:1", "1.1.1.1", "127.0.0.1/8", l("::ffff:7f00:1", "1.1.1.1")),
                arguments("addr", "::ffff:7f00:1", "1.1.1.1", "127.0.0.1/8", l("1.1.1.1")),
                arguments("all", "10.0.0.1", "1.1.1.1", "::/64", l("10.0.0.1")),
                arguments("addr", "10.0.0.1", "1.1.1.1", "::/64", l("10.0.0.1")),
                arguments("all", "::ffff:10.0.0.1", "1.1.1.1", "::/64", l("::ffff:10.0.0.1")),
                arguments("addr", "::ffff:10.0.0.1", "1.1.1.1", "::/64", l("::ffff:10.0.0.1")),
                arguments("all", "10.0.0.1", "1.1.1.1", "::ffff:0:0/96", l("10.0.0.1", "1.1.1.1")),
                arguments("addr", "10.0.0.1", "1.1.1.1", "::ffff:0:0/96", l("1.1.1.1")),
                arguments("all", "::1", "1.1.1.1", "::ffff:0:0/64", l("::1")),
                arguments("addr", "::1", "1.1.1.1", "::ffff:0:0/64", l("::1")),
                arguments("all", "::ffff:10.0.0.1", "1.1.1.1", "::ffff:10.0.0.0/120", l("::ffff:10.0.0.1", "1.1.1.1")),
                arguments("addr", "::ffff:10.0.0.1", "1.1.1.1", "::ffff:10.0.0.0/120", l("1.1.1.1")),
                arguments("all", "10.9.8.7", "1.1.1.1", "10.0.0.0/255.0.0.0", l("10.9.8.7", "1.1.1.1")),
                arguments("addr", "10.9.8.7", "1.1.1.1", "10.0.0.0/255.0.0.0", l("1.1.1.1")),
                arguments("all", "fd00::1", "1.1.1.1", "uniquelocal", l("fd00::1", "1.1.1.1")),
                arguments("addr", "fd00::1", "1.1.1.1", "uniquelocal", l("1.1.1.1")),
                arguments("all", "172.31.255.255", "1.1.1.1", "uniquelocal", l("172.31.255.255", "1.1.1.1")),
                arguments("addr", "172.31.255.255", "1.1.1.1", "uniquelocal", l("1.1.1.1")),
                arguments("all", "172.32.0.1", "1.1.1.1", "uniquelocal", l("172.32.0.1")),
                arguments("addr", "172.32.0.1", "1.1.1.1", "uniquelocal", l("172.32.0.1")),
                arguments("all", "fe80::1%eth0", "1.1.1.1", "linklocal", l("fe80::1%eth0", "1.1.1.1")),
                arguments("addr", "fe80::1%eth0", "1.1.1.1", "linklocal", l("1.1.1.1")),
                arguments("all", "169.254.1.1", "1.1.1.1", "linklocal", l("169.254.1.1", "1.1.1.1")),
                arguments("addr", "169.254.1.1", "1.1.1.1", "linklocal", l("1.1.1.1")),
                arguments("all", "127.0.0.1", "  , 1.1.1.1 ,, 2.2.2.2  ", "loopback", l("127.0.0.1", "2.2.2.2")),
                arguments("addr", "127.0.0.1", "  , 1.1.1.1 ,, 2.2.2.2  ", "loopback", l("2.2.2.2")),
                arguments("all", "127.0.0.1", "1.1.1.1,\t2.2.2.2", "loopback", l("127.0.0.1", "\t2.2.2.2")),
                arguments("addr", "127.0.0.1", "1.1.1.1,\t2.2.2.2", "loopback", l("\t2.2.2.2")),
                arguments("all", "127.0.0.1", "garbage, 127.0.0.2", "loopback", l("127.0.0.1", "127.0.0.2", "garbage")),
                arguments("addr", "127.0.0.1", "garbage, 127.0.0.2", "loopback", l("garbage")),
                arguments(
                        "all",
                        "::1",
                        "::ffff:192.168.1.1, 127.0.0.2",
                        l("loopback", "192.168.0.0/16"),
                        l("::1", "127.0.0.2", "::ffff:192.168.1.1")),
                arguments(
                        "addr",
                        "::1",
                        "::ffff:192.168.1.1, 127.0.0.2",
                        l("loopback", "192.168.0.0/16"),
                        l("::ffff:192.168.1.1")),
                arguments(
                        "all",
                        "1:2:3:4:5:6:1.2.3.4",
                        "9.9.9.9",
                        "1:2:3:4:5:6:0:0/96",
                        l("1:2:3:4:5:6:1.2.3.4", "9.9.9.9")),
                arguments("addr", "1:2:3:4:5:6:1.2.3.4", "9.9.9.9", "1:2:3:4:5:6:0:0/96", l("9.9.9.9")),
                arguments(
                        "all",
                        "0:0:0:0:0:ffff:7f00:0001",
                        "9.9.9.9",
                        "loopback",
                        l("0:0:0:0:0:ffff:7f00:0001", "9.9.9.9")),
                arguments("addr", "0:0:0:0:0:ffff:7f00:0001", "9.9.9.9", "loopback", l("9.9.9.9")));
    }

    static Stream<Arguments> invalidTrust() {
        return Stream.of(
                arguments("blargh", "invalid IP address: blargh"),
                arguments("10.0.300.1", "invalid IP address: 10.0.300.1"),
                arguments("::ffff:30.168.1.9000", "invalid IP address: ::ffff:30.168.1.9000"),
                arguments("-1", "invalid IP address: -1"),
                arguments("10.0.0.1/internet", "invalid range on address: 10.0.0.1/internet"),
                arguments("10.0.0.1/6000", "invalid range on address: 10.0.0.1/6000"),
                arguments("::1/6000", "invalid range on address: ::1/6000"),
                arguments("::ffff:a00:2/136", "invalid range on address: ::ffff:a00:2/136"),
                arguments("::ffff:a00:2/-1", "invalid range on address: ::ffff:a00:2/-1"),
                arguments("10.0.0.1/255.0.255.0", "invalid range on address: 10.0.0.1/255.0.255.0"),
                arguments("10.0.0.1/ffc0::", "invalid range on address: 10.0.0.1/ffc0::"),
                arguments("fe80::/ffc0::", "invalid range on address: fe80::/ffc0::"),
                arguments("fe80::/255.255.255.0", "invalid range on address: fe80::/255.255.255.0"),
                arguments("::ffff:a00:2/255.255.255.0", "invalid range on address: ::ffff:a00:2/255.255.255.0"),
                arguments("::ffff:a00:2/-46", "invalid range on address: ::ffff:a00:2/-46"),
                arguments("10.0.0.1/0", "invalid range on address: 10.0.0.1/0"),
                arguments("::1/0", "invalid range on address: ::1/0"),
                arguments("10.0.0.1/", "invalid range on address: 10.0.0.1/"),
                arguments("10.0.0.1/33", "invalid range on address: 10.0.0.1/33"),
                arguments("10.0.0.0/0.0.0.0", "invalid range on address: 10.0.0.0/0.0.0.0"),
                arguments("::ffff:1.2.3.4/255.255.0.0", "invalid range on address: ::ffff:1.2.3.4/255.255.0.0"),
                arguments("fe80::1%", "invalid IP address: fe80::1%"),
                arguments(":::1", "invalid IP address: :::1"),
                arguments("1::2::3", "invalid IP address: 1::2::3"),
                arguments("localhost", "invalid IP address: localhost"));
    }

    static Stream<Arguments> expressTrust() {
        return Stream.of(
                arguments(
                        Boolean.TRUE,
                        "127.0.0.1",
                        "1.1.1.1, 2.2.2.2",
                        l("127.0.0.1", "2.2.2.2", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "2.2.2.2")),
                arguments(
                        Boolean.TRUE,
                        "127.0.0.1",
                        "1.1.1.1, 10.0.0.5",
                        l("127.0.0.1", "10.0.0.5", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "10.0.0.5")),
                arguments(
                        Boolean.TRUE,
                        "10.0.0.1",
                        "1.1.1.1, 127.0.0.1",
                        l("10.0.0.1", "127.0.0.1", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "127.0.0.1")),
                arguments(Boolean.TRUE, "::ffff:127.0.0.1", null, l("::ffff:127.0.0.1"), "::ffff:127.0.0.1", l()),
                arguments(
                        Boolean.TRUE,
                        "fe80::1",
                        "192.168.0.2, 169.254.0.9",
                        l("fe80::1", "169.254.0.9", "192.168.0.2"),
                        "192.168.0.2",
                        l("192.168.0.2", "169.254.0.9")),
                arguments(Boolean.FALSE, "127.0.0.1", "1.1.1.1, 2.2.2.2", l("127.0.0.1"), "127.0.0.1", l()),
                arguments(Boolean.FALSE, "127.0.0.1", "1.1.1.1, 10.0.0.5", l("127.0.0.1"), "127.0.0.1", l()),
                arguments(Boolean.FALSE, "10.0.0.1", "1.1.1.1, 127.0.0.1", l("10.0.0.1"), "10.0.0.1", l()),
                arguments(Boolean.FALSE, "::ffff:127.0.0.1", null, l("::ffff:127.0.0.1"), "::ffff:127.0.0.1", l()),
                arguments(Boolean.FALSE, "fe80::1", "192.168.0.2, 169.254.0.9", l("fe80::1"), "fe80::1", l()),
                arguments(Integer.valueOf(0), "127.0.0.1", "1.1.1.1, 2.2.2.2", l("127.0.0.1"), "127.0.0.1", l()),
                arguments(Integer.valueOf(0), "127.0.0.1", "1.1.1.1, 10.0.0.5", l("127.0.0.1"), "127.0.0.1", l()),
                arguments(Integer.valueOf(0), "10.0.0.1", "1.1.1.1, 127.0.0.1", l("10.0.0.1"), "10.0.0.1", l()),
                arguments(Integer.valueOf(0), "::ffff:127.0.0.1", null, l("::ffff:127.0.0.1"), "::ffff:127.0.0.1", l()),
                arguments(Integer.valueOf(0), "fe80::1", "192.168.0.2, 169.254.0.9", l("fe80::1"), "fe80::1", l()),
                arguments(
                        Integer.valueOf(1),
                        "127.0.0.1",
                        "1.1.1.1, 2.2.2.2",
                        l("127.0.0.1", "2.2.2.2"),
                        "2.2.2.2",
                        l("2.2.2.2")),
                arguments(
                        Integer.valueOf(1),
                        "127.0.0.1",
                        "1.1.1.1, 10.0.0.5",
                        l("127.0.0.1", "10.0.0.5"),
                        "10.0.0.5",
                        l("10.0.0.5")),
                arguments(
                        Integer.valueOf(1),
                        "10.0.0.1",
                        "1.1.1.1, 127.0.0.1",
                        l("10.0.0.1", "127.0.0.1"),
                        "127.0.0.1",
                        l("127.0.0.1")),
                arguments(Integer.valueOf(1), "::ffff:127.0.0.1", null, l("::ffff:127.0.0.1"), "::ffff:127.0.0.1", l()),
                arguments(
                        Integer.valueOf(1),
                        "fe80::1",
                        "192.168.0.2, 169.254.0.9",
                        l("fe80::1", "169.254.0.9"),
                        "169.254.0.9",
                        l("169.254.0.9")),
                arguments(
                        Integer.valueOf(2),
                        "127.0.0.1",
                        "1.1.1.1, 2.2.2.2",
                        l("127.0.0.1", "2.2.2.2", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "2.2.2.2")),
                arguments(
                        Integer.valueOf(2),
                        "127.0.0.1",
                        "1.1.1.1, 10.0.0.5",
                        l("127.0.0.1", "10.0.0.5", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "10.0.0.5")),
                arguments(
                        Integer.valueOf(2),
                        "10.0.0.1",
                        "1.1.1.1, 127.0.0.1",
                        l("10.0.0.1", "127.0.0.1", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "127.0.0.1")),
                arguments(Integer.valueOf(2), "::ffff:127.0.0.1", null, l("::ffff:127.0.0.1"), "::ffff:127.0.0.1", l()),
                arguments(
                        Integer.valueOf(2),
                        "fe80::1",
                        "192.168.0.2, 169.254.0.9",
                        l("fe80::1", "169.254.0.9", "192.168.0.2"),
                        "192.168.0.2",
                        l("192.168.0.2", "169.254.0.9")),
                arguments(
                        Double.valueOf(1.5),
                        "127.0.0.1",
                        "1.1.1.1, 2.2.2.2",
                        l("127.0.0.1", "2.2.2.2", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "2.2.2.2")),
                arguments(
                        Double.valueOf(1.5),
                        "127.0.0.1",
                        "1.1.1.1, 10.0.0.5",
                        l("127.0.0.1", "10.0.0.5", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "10.0.0.5")),
                arguments(
                        Double.valueOf(1.5),
                        "10.0.0.1",
                        "1.1.1.1, 127.0.0.1",
                        l("10.0.0.1", "127.0.0.1", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "127.0.0.1")),
                arguments(
                        Double.valueOf(1.5), "::ffff:127.0.0.1", null, l("::ffff:127.0.0.1"), "::ffff:127.0.0.1", l()),
                arguments(
                        Double.valueOf(1.5),
                        "fe80::1",
                        "192.168.0.2, 169.254.0.9",
                        l("fe80::1", "169.254.0.9", "192.168.0.2"),
                        "192.168.0.2",
                        l("192.168.0.2", "169.254.0.9")),
                arguments(
                        "loopback",
                        "127.0.0.1",
                        "1.1.1.1, 2.2.2.2",
                        l("127.0.0.1", "2.2.2.2"),
                        "2.2.2.2",
                        l("2.2.2.2")),
                arguments(
                        "loopback",
                        "127.0.0.1",
                        "1.1.1.1, 10.0.0.5",
                        l("127.0.0.1", "10.0.0.5"),
                        "10.0.0.5",
                        l("10.0.0.5")),
                arguments("loopback", "10.0.0.1", "1.1.1.1, 127.0.0.1", l("10.0.0.1"), "10.0.0.1", l()),
                arguments("loopback", "::ffff:127.0.0.1", null, l("::ffff:127.0.0.1"), "::ffff:127.0.0.1", l()),
                arguments("loopback", "fe80::1", "192.168.0.2, 169.254.0.9", l("fe80::1"), "fe80::1", l()),
                arguments(
                        "loopback, 10.0.0.1",
                        "127.0.0.1",
                        "1.1.1.1, 2.2.2.2",
                        l("127.0.0.1", "2.2.2.2"),
                        "2.2.2.2",
                        l("2.2.2.2")),
                arguments(
                        "loopback, 10.0.0.1",
                        "127.0.0.1",
                        "1.1.1.1, 10.0.0.5",
                        l("127.0.0.1", "10.0.0.5"),
                        "10.0.0.5",
                        l("10.0.0.5")),
                arguments(
                        "loopback, 10.0.0.1",
                        "10.0.0.1",
                        "1.1.1.1, 127.0.0.1",
                        l("10.0.0.1", "127.0.0.1", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "127.0.0.1")),
                arguments(
                        "loopback, 10.0.0.1", "::ffff:127.0.0.1", null, l("::ffff:127.0.0.1"), "::ffff:127.0.0.1", l()),
                arguments("loopback, 10.0.0.1", "fe80::1", "192.168.0.2, 169.254.0.9", l("fe80::1"), "fe80::1", l()),
                arguments(
                        " 10.0.0.1 ,loopback ",
                        "127.0.0.1",
                        "1.1.1.1, 2.2.2.2",
                        l("127.0.0.1", "2.2.2.2"),
                        "2.2.2.2",
                        l("2.2.2.2")),
                arguments(
                        " 10.0.0.1 ,loopback ",
                        "127.0.0.1",
                        "1.1.1.1, 10.0.0.5",
                        l("127.0.0.1", "10.0.0.5"),
                        "10.0.0.5",
                        l("10.0.0.5")),
                arguments(
                        " 10.0.0.1 ,loopback ",
                        "10.0.0.1",
                        "1.1.1.1, 127.0.0.1",
                        l("10.0.0.1", "127.0.0.1", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "127.0.0.1")),
                arguments(
                        " 10.0.0.1 ,loopback ",
                        "::ffff:127.0.0.1",
                        null,
                        l("::ffff:127.0.0.1"),
                        "::ffff:127.0.0.1",
                        l()),
                arguments(" 10.0.0.1 ,loopback ", "fe80::1", "192.168.0.2, 169.254.0.9", l("fe80::1"), "fe80::1", l()),
                arguments(
                        l("loopback", "10.0.0.1"),
                        "127.0.0.1",
                        "1.1.1.1, 2.2.2.2",
                        l("127.0.0.1", "2.2.2.2"),
                        "2.2.2.2",
                        l("2.2.2.2")),
                arguments(
                        l("loopback", "10.0.0.1"),
                        "127.0.0.1",
                        "1.1.1.1, 10.0.0.5",
                        l("127.0.0.1", "10.0.0.5"),
                        "10.0.0.5",
                        l("10.0.0.5")),
                arguments(
                        l("loopback", "10.0.0.1"),
                        "10.0.0.1",
                        "1.1.1.1, 127.0.0.1",
                        l("10.0.0.1", "127.0.0.1", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "127.0.0.1")),
                arguments(
                        l("loopback", "10.0.0.1"),
                        "::ffff:127.0.0.1",
                        null,
                        l("::ffff:127.0.0.1"),
                        "::ffff:127.0.0.1",
                        l()),
                arguments(
                        l("loopback", "10.0.0.1"), "fe80::1", "192.168.0.2, 169.254.0.9", l("fe80::1"), "fe80::1", l()),
                arguments("linklocal,uniquelocal", "127.0.0.1", "1.1.1.1, 2.2.2.2", l("127.0.0.1"), "127.0.0.1", l()),
                arguments("linklocal,uniquelocal", "127.0.0.1", "1.1.1.1, 10.0.0.5", l("127.0.0.1"), "127.0.0.1", l()),
                arguments(
                        "linklocal,uniquelocal",
                        "10.0.0.1",
                        "1.1.1.1, 127.0.0.1",
                        l("10.0.0.1", "127.0.0.1"),
                        "127.0.0.1",
                        l("127.0.0.1")),
                arguments(
                        "linklocal,uniquelocal",
                        "::ffff:127.0.0.1",
                        null,
                        l("::ffff:127.0.0.1"),
                        "::ffff:127.0.0.1",
                        l()),
                arguments(
                        "linklocal,uniquelocal",
                        "fe80::1",
                        "192.168.0.2, 169.254.0.9",
                        l("fe80::1", "169.254.0.9", "192.168.0.2"),
                        "192.168.0.2",
                        l("192.168.0.2", "169.254.0.9")),
                arguments(
                        "10.0.0.0/8, 127.0.0.1",
                        "127.0.0.1",
                        "1.1.1.1, 2.2.2.2",
                        l("127.0.0.1", "2.2.2.2"),
                        "2.2.2.2",
                        l("2.2.2.2")),
                arguments(
                        "10.0.0.0/8, 127.0.0.1",
                        "127.0.0.1",
                        "1.1.1.1, 10.0.0.5",
                        l("127.0.0.1", "10.0.0.5", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "10.0.0.5")),
                arguments(
                        "10.0.0.0/8, 127.0.0.1",
                        "10.0.0.1",
                        "1.1.1.1, 127.0.0.1",
                        l("10.0.0.1", "127.0.0.1", "1.1.1.1"),
                        "1.1.1.1",
                        l("1.1.1.1", "127.0.0.1")),
                arguments(
                        "10.0.0.0/8, 127.0.0.1",
                        "::ffff:127.0.0.1",
                        null,
                        l("::ffff:127.0.0.1"),
                        "::ffff:127.0.0.1",
                        l()),
                arguments(
                        "10.0.0.0/8, 127.0.0.1", "fe80::1", "192.168.0.2, 169.254.0.9", l("fe80::1"), "fe80::1", l()));
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                arguments("127.0.0.1", "127.0.0.1"),
                arguments("0x7f.0.0.1", "127.0.0.1"),
                arguments("0X7f.0.0.1", "0.0.0.1"),
                arguments("0177.0.0.1", "127.0.0.1"),
                arguments("09.0.0.1", "0.0.0.1"),
                arguments("2130706433", "127.0.0.1"),
                arguments("0x7f000001", "127.0.0.1"),
                arguments("4294967296", null),
                arguments("127.1", null),
                arguments("256.0.0.1", null),
                arguments("1.2.3", null),
                arguments(" 1.2.3.4", null),
                arguments("1.2.3.4 ", null),
                arguments("::", "0:0:0:0:0:0:0:0"),
                arguments("::1", "0:0:0:0:0:0:0:1"),
                arguments("1::", "1:0:0:0:0:0:0:0"),
                arguments("1::2", "1:0:0:0:0:0:0:2"),
                arguments("fe80::1%eth0", "fe80:0:0:0:0:0:0:1"),
                arguments("fe80::1%", null),
                arguments("::ffff:1.2.3.4", "0:0:0:0:0:ffff:102:304"),
                arguments("::ffff:0x1.2.3.4", "0:0:0:0:0:ffff:102:304"),
                arguments("::1.2.3.4", null),
                arguments("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
                arguments("1:2:3:4:5:6:7:8:9", null),
                arguments("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
                arguments("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
                arguments("12345::1", null),
                arguments("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
                arguments("1::2::3", null),
                arguments("g::1", null),
                arguments("localhost", null),
                arguments("", null),
                arguments("::8:8:8:8:8:8:8:8:8", null),
                arguments("0000000000000001.2.3.4", "1.2.3.4"),
                arguments("1.2.3.04", "1.2.3.4"),
                arguments("FE80::ABCD", "fe80:0:0:0:0:0:0:abcd"));
    }
}
