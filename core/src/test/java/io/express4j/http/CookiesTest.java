package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors npm cookie 0.7.2's test/serialize.js and test/parse.js for {@link Cookies} (inputs the suites use,
 * results recorded from the real package; cases that pass non-string or fractional option values, which the typed
 * Java API cannot express, are left out) plus extra cases checked on the same package. Express's own cookie
 * headers are {@link ExpressCookiesTest}'s.
 */
class CookiesTest {

    private static Map<String, String> m(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    @ParameterizedTest(name = "serialize({0}, {1}) -> {3} {4}")
    @MethodSource
    void serialize(String name, String value, CookieAttributes attrs, String expected, String error) {
        if (error == null) {
            assertThat(Cookies.serialize(name, value, attrs)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> Cookies.serialize(name, value, attrs))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(error);
        }
    }

    @ParameterizedTest(name = "parse({0})")
    @MethodSource
    void parse(String header, Map<String, String> expected) {
        assertThat(Cookies.parse(header)).containsExactlyEntriesOf(expected);
    }

    @Test
    void customEncoderAndDecoder() {
        CookieAttributes base64 = CookieAttributes.builder()
                .encode(v -> Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)))
                .build();
        assertThat(Cookies.serialize("foo", "bar", base64)).isEqualTo("foo=YmFy");

        CookieAttributes identity = CookieAttributes.builder().encode(v -> v).build();
        assertThatThrownBy(() -> Cookies.serialize("foo", "+ \n", identity)).hasMessage("argument val is invalid");
        assertThatThrownBy(() -> Cookies.serialize("foo", "foo bar", identity)).hasMessage("argument val is invalid");

        assertThat(Cookies.parse(
                        "foo=\"YmFy\"", v -> new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)))
                .containsExactly(Map.entry("foo", "bar"));
        // a throwing decoder keeps the raw value
        assertThat(Cookies.parse(
                        "foo=%zz",
                        v -> {
                            throw new IllegalStateException();
                        }))
                .containsExactly(Map.entry("foo", "%zz"));
    }

    @Test
    void argumentErrors() {
        assertThatThrownBy(() -> Cookies.parse(null)).hasMessage("argument str must be a string");
        assertThatThrownBy(() -> Cookies.serialize("foo", "\ud800")).hasMessage("URI malformed");
    }

    @Test
    void domainLabels() {
        // results of cookie 0.7.2 for the same domains
        for (String ok : List.of("a".repeat(63) + ".com", ".a", "A-1.b2", "a--b", "x." + "y".repeat(63))) {
            assertThat(Cookies.serialize(
                            "n", "v", CookieAttributes.builder().domain(ok).build()))
                    .endsWith("; Domain=" + ok);
        }
        for (String bad : List.of("a".repeat(64) + ".com", ".", "..a", "a.", "-")) {
            assertThatThrownBy(() -> Cookies.serialize(
                            "n", "v", CookieAttributes.builder().domain(bad).build()))
                    .hasMessage("option domain is invalid");
        }
    }

    @Test
    void parsedMapIsReadOnly() {
        assertThatThrownBy(() -> Cookies.parse("a=1").put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------ tables

    static Stream<Arguments> serialize() {
        return Stream.of(
                arguments("foo", "bar", null, "foo=bar", null),
                arguments("foo", "bar +baz", null, "foo=bar%20%2Bbaz", null),
                arguments("foo", "", null, "foo=", null),
                arguments("foo", "baz", null, "foo=baz", null),
                arguments("foo!bar", "baz", null, "foo!bar=baz", null),
                arguments("foo#bar", "baz", null, "foo#bar=baz", null),
                arguments("foo$bar", "baz", null, "foo$bar=baz", null),
                arguments("foo'bar", "baz", null, "foo'bar=baz", null),
                arguments("foo*bar", "baz", null, "foo*bar=baz", null),
                arguments("foo+bar", "baz", null, "foo+bar=baz", null),
                arguments("foo-bar", "baz", null, "foo-bar=baz", null),
                arguments("foo.bar", "baz", null, "foo.bar=baz", null),
                arguments("foo^bar", "baz", null, "foo^bar=baz", null),
                arguments("foo_bar", "baz", null, "foo_bar=baz", null),
                arguments("foo`bar", "baz", null, "foo`bar=baz", null),
                arguments("foo|bar", "baz", null, "foo|bar=baz", null),
                arguments("foo~bar", "baz", null, "foo~bar=baz", null),
                arguments("foo7bar", "baz", null, "foo7bar=baz", null),
                arguments("foo\n", "bar", null, null, "argument name is invalid"),
                arguments("foo\u280a", "bar", null, null, "argument name is invalid"),
                arguments("foo/foo", "bar", null, null, "argument name is invalid"),
                arguments("foo,foo", "bar", null, null, "argument name is invalid"),
                arguments("foo;foo", "bar", null, null, "argument name is invalid"),
                arguments("foo@foo", "bar", null, null, "argument name is invalid"),
                arguments("foo[foo]", "bar", null, null, "argument name is invalid"),
                arguments("foo?foo", "bar", null, null, "argument name is invalid"),
                arguments("foo:foo", "bar", null, null, "argument name is invalid"),
                arguments("foo{foo}", "bar", null, null, "argument name is invalid"),
                arguments("foo foo", "bar", null, null, "argument name is invalid"),
                arguments("foo\tfoo", "bar", null, null, "argument name is invalid"),
                arguments("foo\"foo", "bar", null, null, "argument name is invalid"),
                arguments("foo<script>foo", "bar", null, null, "argument name is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain("example.com").build(),
                        "foo=bar; Domain=example.com",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain("sub.example.com").build(),
                        "foo=bar; Domain=sub.example.com",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain(".example.com").build(),
                        "foo=bar; Domain=.example.com",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain("localhost").build(),
                        "foo=bar; Domain=localhost",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain(".localhost").build(),
                        "foo=bar; Domain=.localhost",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain("my-site.org").build(),
                        "foo=bar; Domain=my-site.org",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain("example.com\n").build(),
                        null,
                        "option domain is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder()
                                .domain("sub.example.com\u0000")
                                .build(),
                        null,
                        "option domain is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain("my site.org").build(),
                        null,
                        "option domain is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain("domain..com").build(),
                        null,
                        "option domain is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().domain("example.com; Path=/").build(),
                        null,
                        "option domain is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder()
                                .domain("example.com /* inject a comment */")
                                .build(),
                        null,
                        "option domain is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().expires(977653859900L).build(),
                        "foo=bar; Expires=Sun, 24 Dec 2000 10:30:59 GMT",
                        null),
                arguments(
                        "foo", "bar", CookieAttributes.builder().httpOnly(true).build(), "foo=bar; HttpOnly", null),
                arguments(
                        "foo", "bar", CookieAttributes.builder().httpOnly(false).build(), "foo=bar", null),
                arguments(
                        "foo", "bar", CookieAttributes.builder().maxAge(1000L).build(), "foo=bar; Max-Age=1000", null),
                arguments("foo", "bar", CookieAttributes.builder().maxAge(0L).build(), "foo=bar; Max-Age=0", null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().partitioned(true).build(),
                        "foo=bar; Partitioned",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().partitioned(false).build(),
                        "foo=bar",
                        null),
                arguments("foo", "bar", CookieAttributes.builder().build(), "foo=bar", null),
                arguments("foo", "bar", CookieAttributes.builder().path("/").build(), "foo=bar; Path=/", null),
                arguments(
                        "foo", "bar", CookieAttributes.builder().path("/login").build(), "foo=bar; Path=/login", null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().path("/foo.bar/baz").build(),
                        "foo=bar; Path=/foo.bar/baz",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().path("/foo-bar").build(),
                        "foo=bar; Path=/foo-bar",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().path("/foo=bar?baz").build(),
                        "foo=bar; Path=/foo=bar?baz",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().path("/foo\"bar\"").build(),
                        "foo=bar; Path=/foo\"bar\"",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().path("/../foo/bar").build(),
                        "foo=bar; Path=/../foo/bar",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().path("../foo/").build(),
                        "foo=bar; Path=../foo/",
                        null),
                arguments("foo", "bar", CookieAttributes.builder().path("./").build(), "foo=bar; Path=./", null),
                arguments("foo", "bar", CookieAttributes.builder().path("/\n").build(), null, "option path is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().path("/foo\u0000").build(),
                        null,
                        "option path is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().path("/path/with\rnewline").build(),
                        null,
                        "option path is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder()
                                .path("/; Path=/sensitive-data")
                                .build(),
                        null,
                        "option path is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder()
                                .path("/login\"><script>alert(1)</script>")
                                .build(),
                        null,
                        "option path is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().priority("foo").build(),
                        null,
                        "option priority is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().priority("Low").build(),
                        "foo=bar; Priority=Low",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().priority("loW").build(),
                        "foo=bar; Priority=Low",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().priority("Medium").build(),
                        "foo=bar; Priority=Medium",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().priority("medium").build(),
                        "foo=bar; Priority=Medium",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().priority("High").build(),
                        "foo=bar; Priority=High",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().priority("HIGH").build(),
                        "foo=bar; Priority=High",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().sameSite("foo").build(),
                        null,
                        "option sameSite is invalid"),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().sameSite("Strict").build(),
                        "foo=bar; SameSite=Strict",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().sameSite("strict").build(),
                        "foo=bar; SameSite=Strict",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().sameSite("Lax").build(),
                        "foo=bar; SameSite=Lax",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().sameSite("lax").build(),
                        "foo=bar; SameSite=Lax",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().sameSite("None").build(),
                        "foo=bar; SameSite=None",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().sameSite("none").build(),
                        "foo=bar; SameSite=None",
                        null),
                arguments(
                        "foo",
                        "bar",
                        CookieAttributes.builder().sameSite(true).build(),
                        "foo=bar; SameSite=Strict",
                        null),
                arguments(
                        "foo", "bar", CookieAttributes.builder().sameSite(false).build(), "foo=bar", null),
                arguments("foo", "bar", CookieAttributes.builder().secure(true).build(), "foo=bar; Secure", null),
                arguments("foo", "bar", CookieAttributes.builder().secure(false).build(), "foo=bar", null),
                arguments(
                        "v", "\u00e4\u20ac\ud83d\ude00 ;,\"", null, "v=%C3%A4%E2%82%AC%F0%9F%98%80%20%3B%2C%22", null),
                arguments("v", "!'()*-._~", null, "v=!'()*-._~", null),
                arguments(
                        "v",
                        "\"quoted\"",
                        CookieAttributes.builder().encode(s -> s).build(),
                        "v=\"quoted\"",
                        null),
                arguments(
                        "v", "\"", CookieAttributes.builder().encode(s -> s).build(), null, "argument val is invalid"),
                arguments(
                        "all",
                        "x",
                        CookieAttributes.builder()
                                .maxAge(60L)
                                .domain("Example.COM")
                                .path("/a")
                                .expires(1L)
                                .httpOnly(true)
                                .secure(true)
                                .partitioned(true)
                                .priority("high")
                                .sameSite("none")
                                .build(),
                        "all=x; Max-Age=60; Domain=Example.COM; Path=/a; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; Partitioned; Priority=High; SameSite=None",
                        null),
                arguments(
                        "y",
                        "x",
                        CookieAttributes.builder().expires(253402300800000L).build(),
                        "y=x; Expires=Sat, 01 Jan 10000 00:00:00 GMT",
                        null),
                arguments(
                        "y",
                        "x",
                        CookieAttributes.builder().expires(-62198755200000L).build(),
                        "y=x; Expires=Fri, 01 Jan -0001 00:00:00 GMT",
                        null),
                arguments("y", "x", CookieAttributes.builder().maxAge(-1L).build(), "y=x; Max-Age=-1", null),
                arguments(
                        "y",
                        "x",
                        CookieAttributes.builder()
                                .domain("")
                                .path("")
                                .priority("")
                                .sameSite("")
                                .build(),
                        "y=x",
                        null),
                arguments("y", "x", CookieAttributes.builder().path("/a<b").build(), null, "option path is invalid"),
                arguments("y", "x", CookieAttributes.builder().path("/\u00e4").build(), null, "option path is invalid"),
                arguments(
                        "y",
                        "x",
                        CookieAttributes.builder().domain("a-.com").build(),
                        null,
                        "option domain is invalid"),
                arguments(
                        "y",
                        "x",
                        CookieAttributes.builder().domain("-a.com").build(),
                        null,
                        "option domain is invalid"),
                arguments("y", "x", CookieAttributes.builder().domain("a.b-c.d").build(), "y=x; Domain=a.b-c.d", null),
                arguments("y", "x", CookieAttributes.builder().domain("x.").build(), null, "option domain is invalid"));
    }

    static Stream<Arguments> parse() {
        return Stream.of(
                arguments("foo=bar", m("foo", "bar")),
                arguments("foo=123", m("foo", "123")),
                arguments("FOO    = bar;   baz  =   raz", m("FOO", "bar", "baz", "raz")),
                arguments("foo=; bar=", m("foo", "", "bar", "")),
                arguments("f=", m("f", "")),
                arguments("f=;b=", m("f", "", "b", "")),
                arguments("foo=\"bar=123456789&name=Magic+Mouse\"", m("foo", "bar=123456789&name=Magic+Mouse")),
                arguments("email=%20%22%2c%3b%2f", m("email", " \",;/")),
                arguments("foo=\"bar\"", m("foo", "bar")),
                arguments("foo=\" a b c \"", m("foo", " a b c ")),
                arguments("  foo  =  \"bar\"  ", m("foo", "bar")),
                arguments("  foo  =  bar  ;  fizz  =  buzz  ", m("foo", "bar", "fizz", "buzz")),
                arguments(" foo = \" a b c \" ", m("foo", " a b c ")),
                arguments(" = bar ", m("", "bar")),
                arguments(" foo = ", m("foo", "")),
                arguments("   =   ", m("", "")),
                arguments("\tfoo\t=\tbar\t", m("foo", "bar")),
                arguments("foo=%1;bar=bar", m("foo", "%1", "bar", "bar")),
                arguments("foo=bar;fizz  ;  buzz", m("foo", "bar")),
                arguments("  fizz; foo=  bar", m("foo", "bar")),
                arguments("foo=%1;bar=bar;foo=boo", m("foo", "%1", "bar", "bar")),
                arguments("foo=false;bar=bar;foo=true", m("foo", "false", "bar", "bar")),
                arguments("foo=;bar=bar;foo=boo", m("foo", "", "bar", "bar")),
                arguments("toString=foo;valueOf=bar", m("toString", "foo", "valueOf", "bar")),
                arguments("__proto__=1; a=2", m("a", "2")),
                arguments("a=%E0%A4%A", m("a", "%E0%A4%A")),
                arguments("a=%F0%9F%98%80", m("a", "\ud83d\ude00")),
                arguments("a=\"", m("a", "")),
                arguments("a=\"\"", m("a", "")),
                arguments("foo=\"bar", m("foo", "\"bar")),
                arguments("a=1;a=2", m("a", "1")),
                arguments(";;a=1", m("a", "1")),
                arguments("a=b=c", m("a", "b=c")),
                arguments("x", m()),
                arguments("=; a=1", m("", "", "a", "1")),
                arguments("a=%ZZ", m("a", "%ZZ")),
                arguments("a=%C0%80", m("a", "%C0%80")),
                arguments("a=%ED%A0%80", m("a", "%ED%A0%80")),
                arguments("a=%2B+b", m("a", "++b")),
                arguments("a=1; b ; c=3", m("a", "1", "c", "3")),
                arguments("a", m()),
                arguments("a=\t\"x y\"\t;b", m("a", "x y")),
                arguments("  ", m()),
                arguments("a=%F4%90%80%80", m("a", "%F4%90%80%80")),
                arguments("b=%25", m("b", "%")),
                arguments("c=%u0041", m("c", "%u0041")));
    }
}
