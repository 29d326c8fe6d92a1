package io.express4j.http;

import static io.express4j.http.IpKeys.key;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * express-rate-limit 8's test/library/ip-key-generator-test.ts (every case), plus cases checked against
 * {@code ipKeyGenerator} of express-rate-limit 8.7.5 on Node 20: zero-run compression, zones, mapped forms.
 * express-rate-limit's {@code ipv6Subnet: false} is 0 here.
 */
class IpKeysTest {

    @Test
    void returnsAnIpv4AddressUnchanged() {
        assertThat(key("1.2.3.4", 56)).isEqualTo("1.2.3.4");
        assertThat(key("1.2.3.4", 16)).isEqualTo("1.2.3.4");
    }

    @Test
    void anIpv4MappedAddressIsKeyedAsIpv4() {
        assertThat(key("::ffff:1.2.3.4", 56)).isEqualTo("1.2.3.4");
        assertThat(key("::1.2.3.4", 56)).isEqualTo("1.2.3.4");
    }

    @Test
    void anIpv4MappedAddressIsKeyedAsIpv4WhateverItsNotation() {
        assertThat(key("::ffff:102:304", 56)).isEqualTo("1.2.3.4");
        assertThat(key("::ffff:102:304", 16)).isEqualTo("1.2.3.4");
        assertThat(key("::ffff:102:304", 0)).isEqualTo("1.2.3.4");
        assertThat(key("::FFFF:1.2.3.4", 56)).isEqualTo("1.2.3.4");
        assertThat(key("::ffff:7f00:1", 56)).isEqualTo("127.0.0.1");
        assertThat(key("::ffff:0:0", 56)).isEqualTo("0.0.0.0");
    }

    @Test
    void anIpv6AddressThatMerelyEndsInADottedQuadIsGroupedBySubnet() {
        assertThat(key("2001:db8:1234:5678::1.2.3.4", 56)).isEqualTo("2001:db8:1234:5600::/56");
        assertThat(key("64:ff9b::1.2.3.4", 56)).isEqualTo("64:ff9b::/56");
        assertThat(key("2001:db8:1234:5678::1.2.3.4", 56)).isEqualTo(key("2001:db8:1234:5678::102:304", 56));
        assertThat(key("2001:db8::1.2.3.4", 56)).isNotEqualTo(key("1.2.3.4", 56));
    }

    @Test
    void theCompatibleRangeWithoutADottedQuadIsGroupedBySubnet() {
        assertThat(key("::1", 56)).isEqualTo("::/56");
        assertThat(key("::", 56)).isEqualTo("::/56");
        assertThat(key("::0.0.0.1", 56)).isEqualTo("0.0.0.1");
    }

    @Test
    void subnetZeroKeepsAnIpv6AddressUnchanged() {
        assertThat(key("0123:4567:89ab:cdef:0123:4567:89ab:cdef", 0))
                .isEqualTo("0123:4567:89ab:cdef:0123:4567:89ab:cdef");
    }

    @Test
    void theSubnetAppliesOnlyToTrueIpv6Addresses() {
        assertThat(key("::1.2.3.4", 16)).isEqualTo("1.2.3.4");
        assertThat(key("::ffff:1.2.3.4", 16)).isEqualTo("1.2.3.4");
        assertThat(key("::1.2.3.4", 0)).isEqualTo("1.2.3.4");
    }

    @Test
    void appliesTheDefault56BitMask() {
        assertThat(key("0123:4567:89ab:cdef:0123:4567:89ab:cdef", 56)).isEqualTo("123:4567:89ab:cd00::/56");
    }

    @Test
    void appliesA63BitMask() {
        assertThat(key("0123:4567:89ab:cdef:0123:4567:89ab:cdef", 63)).isEqualTo("123:4567:89ab:cdee::/63");
    }

    @Test
    void acceptsAbbreviatedAddresses() {
        assertThat(key("123:ABC::89", 56)).isEqualTo("123:abc::/56");
    }

    @Test
    void a128BitMaskNormalisesTheAddress() {
        assertThat(key("0123:4567:89ab:cdef:0123:4567:89ab:cdef", 128))
                .isEqualTo("123:4567:89ab:cdef:123:4567:89ab:cdef/128");
    }

    @Test
    void theLongestZeroRunIsCompressedAsIpAddressDoes() {
        assertThat(key("1:2:3:4:5:6:0:8", 128)).isEqualTo("1:2:3:4:5:6:0:8/128");
        assertThat(key("1:0:0:4:5:0:0:8", 128)).isEqualTo("1::4:5:0:0:8/128");
        assertThat(key("0:0:0:0:1:0:0:0", 128)).isEqualTo("::1:0:0:0/128");
        assertThat(key("::", 128)).isEqualTo("::/128");
        assertThat(key("1::", 128)).isEqualTo("1::/128");
        assertThat(key("a:b:c:d:e:f:1:2", 56)).isEqualTo("a:b:c::/56");
        assertThat(key("2001:db8::1", 32)).isEqualTo("2001:db8::/32");
    }

    @Test
    void aZoneIsDropped() {
        assertThat(key("fe80::1%eth0", 56)).isEqualTo("fe80::/56");
    }

    @Test
    void whatIsNoAddressComesBackUnchanged() {
        assertThat(key("not an ip", 56)).isEqualTo("not an ip");
        assertThat(key("1.2.3.4.5", 56)).isEqualTo("1.2.3.4.5");
        assertThat(key(null, 56)).isNull();
    }
}
