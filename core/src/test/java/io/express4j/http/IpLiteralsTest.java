package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Node 20's net.isIP (expected values printed by node 20.20.2) and inet_ntop's IPv6 text. */
class IpLiteralsTest {

    @Test
    void isIpAgreesWithNode() {
        Map<String, Boolean> node = new LinkedHashMap<>();
        String[] yes = {
            "127.0.0.1",
            "::1",
            "::",
            "1::",
            "fe80::1%eth0",
            "::ffff:1.2.3.4",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "1:2:3:4:5:6:1.2.3.4",
            "::1.2.3.4",
            "0.0.0.0"
        };
        String[] no = {
            "1.2.3",
            "01.2.3.4",
            "256.1.1.1",
            "1.2.3.4.5",
            "fe80::1%",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            ":1::2",
            "1:::2",
            "[::1]",
            "example.com",
            "12345::1",
            "1:2:3:4:5:6:7:1.2.3.4",
            "a:b:c:d:e:f:0:1.2.3.4",
            "1:",
            "::1:",
            "1.2.3.04",
            "1.2.3.-4",
            "",
            ":::",
            "1:2:3:4::5:6:7:8"
        };
        for (String s : yes) node.put(s, true);
        for (String s : no) node.put(s, false);
        node.forEach((s, expected) -> assertThat(IpLiterals.isIp(s)).as(s).isEqualTo(expected));
    }

    @Test
    void formatsLikeInetNtop() throws Exception {
        assertThat(IpLiterals.format(InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
        assertThat(IpLiterals.format(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(IpLiterals.format(InetAddress.getByName("::"))).isEqualTo("::");
        assertThat(IpLiterals.format(InetAddress.getByName("2001:db8:0:0:1:0:0:1")))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpLiterals.format(InetAddress.getByName("2001:db8:0:1:1:1:1:1")))
                .isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpLiterals.format(InetAddress.getByName("1::"))).isEqualTo("1::");
        assertThat(IpLiterals.format(InetAddress.getByName("::1.2.3.4"))).isEqualTo("::1.2.3.4");
        // Java maps IPv4-mapped addresses to IPv4 (what a dual-stack socket reports for IPv4 peers)
        assertThat(IpLiterals.format(InetAddress.getByName("::ffff:127.0.0.1"))).isEqualTo("127.0.0.1");
    }
}
