package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mirrors npm cookie-signature 1.2.2's test/index.js and the unit half of cookie-parser 1.4.7's
 * test/cookieParser.js ({@code JSONCookie}, {@code signedCookie}, {@code signedCookies}, and the
 * middleware's cookie/signedCookie maps), plus Express's test/req.signedCookies.js round trip.
 * Expected signatures were produced by the real packages.
 */
class CookieSignatureTest {

    private static final String FOOBAR_KEYBOARD_CAT = "s:foobar.N5r0C3M8W+IPpzyAJaIddMWbTGfDSO+bfKlZErJ+MeE";
    private static final String FOOBAR_NYAN_CAT = "s:foobar.JTCAgiMWsnuZpN3mrYnEUjXlGxmDi4POCBnWbRxse88";
    private static final String FOOBAZ_TAMPERED = "s:foobaz.N5r0C3M8W+IPpzyAJaIddMWbTGfDSO+bfKlZErJ+MeE";

    private static Map<String, String> m(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    // ------------------------------------------------------------------ cookie-signature

    @Test
    void signsWithHmacSha256AndUnpaddedBase64() {
        assertThat(CookieSignature.sign("hello", "tobiiscool"))
                .isEqualTo("hello.DGDUkGlIkCzPz+C0B064FNgHdEjox7ch8tOBGslZ5QI");
        assertThat(CookieSignature.sign("hello", "luna"))
                .isNotEqualTo("hello.DGDUkGlIkCzPz+C0B064FNgHdEjox7ch8tOBGslZ5QI");
        // values recorded from cookie-signature 1.2.2
        assertThat(CookieSignature.sign("foobarbaz", "keyboard cat"))
                .isEqualTo("foobarbaz.CP7AWaXDfAKIRfH49dQzKJx7sKzzSoPq7/AcBBRVwlI");
        assertThat(CookieSignature.sign("", "x")).isEqualTo(".8n5lJ9a4QIQwpma3RgcMMH9UK7VO5+bcswPz5SwLCfs");
        assertThat(CookieSignature.sign("h\u00e9llo", "s\u00e9cret"))
                .isEqualTo("h\u00e9llo.BUzCvwWlVt9eogu+Wsll5Dn+mflyOf7kCGwDmmNzV2M");
        assertThat(CookieSignature.sign("v", "")).isEqualTo("v.ksdi13D4gc1BJ0Es4yX6QtG6MAwIeNLsCgeGRePOvFE");
    }

    @Test
    void acceptsBinarySecrets() {
        byte[] key = {(byte) 0xA0, (byte) 0xAB, (byte) 0xBC, (byte) 0x0C};
        assertThat(CookieSignature.sign("hello", key)).isEqualTo("hello.hIvljrKw5oOZtHHSq5u+MlL27cgnPKX77y7F+x5r1to");
        assertThat(CookieSignature.unsign("hello.hIvljrKw5oOZtHHSq5u+MlL27cgnPKX77y7F+x5r1to", key))
                .isEqualTo("hello");
    }

    @Test
    void unsignsOnlyWithTheRightSecret() {
        String val = CookieSignature.sign("hello", "tobiiscool");
        assertThat(CookieSignature.unsign(val, "tobiiscool")).isEqualTo("hello");
        assertThat(CookieSignature.unsign(val, "luna")).isNull();
    }

    @Test
    void rejectsMalformedSignedValues() {
        String pwd = "actual sekrit password";
        assertThat(CookieSignature.unsign("fake unsigned data", pwd)).isNull();
        String val = CookieSignature.sign("real data", pwd);
        assertThat(CookieSignature.unsign("garbage" + val, pwd)).isNull();
        assertThat(CookieSignature.unsign("garbage." + val, pwd)).isNull();
        assertThat(CookieSignature.unsign(val + ".garbage", pwd)).isNull();
        assertThat(CookieSignature.unsign(val + "garbage", pwd)).isNull();
        assertThat(CookieSignature.unsign("novalue", "x")).isNull();
        assertThat(CookieSignature.unsign("a.b.c", "k")).isNull();
    }

    @Test
    void argumentErrors() {
        assertThatThrownBy(() -> CookieSignature.sign(null, "s"))
                .hasMessage("Cookie value must be provided as a string.");
        assertThatThrownBy(() -> CookieSignature.sign("v", (String) null)).hasMessage("Secret key must be provided.");
        assertThatThrownBy(() -> CookieSignature.unsign(null, "s"))
                .hasMessage("Signed cookie string must be provided.");
        assertThatThrownBy(() -> CookieSignature.unsign("v", (String) null)).hasMessage("Secret key must be provided.");
    }

    // ------------------------------------------------------------------ cookie-parser helpers

    @Test
    void jsonCookie() {
        assertThat(CookieSignature.jsonCookie(null)).isNull();
        assertThat(CookieSignature.jsonCookie("")).isNull();
        assertThat(CookieSignature.jsonCookie("foo")).isNull();
        assertThat(CookieSignature.jsonCookie("{}")).isNull();
        assertThat(CookieSignature.jsonCookie("j:{\"foo\":\"bar\"}").get("foo").stringValue())
                .isEqualTo("bar");
        assertThat(CookieSignature.jsonCookie("j:{foo:\"bar\"}")).isNull();
        // recorded from cookie-parser: JSON.parse whitespace rules, trailing garbage, scalars
        assertThat(CookieSignature.jsonCookie("j:")).isNull();
        assertThat(CookieSignature.jsonCookie("j: {\"a\":1} ").get("a").intValue())
                .isEqualTo(1);
        assertThat(CookieSignature.jsonCookie("j:[1,2]x")).isNull();
        assertThat(CookieSignature.jsonCookie("j:0").intValue()).isZero();
        assertThat(CookieSignature.jsonCookie("j:\"x\"").stringValue()).isEqualTo("x");
    }

    @Test
    void jsonCookiesInflateOnlyTruthyValues() {
        Map<String, Object> out = CookieSignature.jsonCookies(m(
                "a", "j:0", "b", "j:false", "c", "j:null", "d", "j:\"\"", "e", "j:[]", "f", "j:{}", "g", "j:1", "h",
                "j:\"s\"", "i", "j:true", "j", "j:-0", "k", "j:0.0", "l", "plain"));
        for (String raw : List.of("a", "b", "c", "d", "j", "k", "l")) {
            assertThat(out.get(raw)).as(raw).isInstanceOf(String.class);
        }
        assertThat(out.get("e"))
                .isInstanceOfSatisfying(
                        JsonNode.class, n -> assertThat(n.isArray()).isTrue());
        assertThat(out.get("f"))
                .isInstanceOfSatisfying(
                        JsonNode.class, n -> assertThat(n.isObject()).isTrue());
        assertThat(out.get("g"))
                .isInstanceOfSatisfying(
                        JsonNode.class, n -> assertThat(n.intValue()).isEqualTo(1));
        assertThat(out.get("h"))
                .isInstanceOfSatisfying(
                        JsonNode.class, n -> assertThat(n.stringValue()).isEqualTo("s"));
        assertThat(out.get("i"))
                .isInstanceOfSatisfying(
                        JsonNode.class, n -> assertThat(n.booleanValue()).isTrue());
        assertThat(out.keySet()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    }

    @Test
    void signedCookie() {
        assertThat(CookieSignature.signedCookie(null, List.of("keyboard cat"))).isNull();
        assertThat(CookieSignature.signedCookie("", List.of("keyboard cat"))).isEqualTo("");
        assertThat(CookieSignature.signedCookie("foo", List.of("keyboard cat"))).isEqualTo("foo");
        assertThat(CookieSignature.signedCookie("j:{}", List.of("keyboard cat")))
                .isEqualTo("j:{}");
        assertThat(CookieSignature.signedCookie(FOOBAZ_TAMPERED, List.of("keyboard cat")))
                .isEqualTo(false);
        assertThat(CookieSignature.signedCookie(FOOBAR_KEYBOARD_CAT, List.of("keyboard cat")))
                .isEqualTo("foobar");
        List<String> both = List.of("keyboard cat", "nyan cat");
        assertThat(CookieSignature.signedCookie(FOOBAZ_TAMPERED, both)).isEqualTo(false);
        assertThat(CookieSignature.signedCookie(FOOBAR_KEYBOARD_CAT, both)).isEqualTo("foobar");
        assertThat(CookieSignature.signedCookie(FOOBAR_NYAN_CAT, both)).isEqualTo("foobar");
    }

    @Test
    void signedCookiesMoveSignedValuesOutOfTheCookieMap() {
        List<String> cat = List.of("keyboard cat");
        assertThat(CookieSignature.parserResult(m(), cat).signedCookies()).isEmpty();
        assertThat(CookieSignature.parserResult(m("foo", "bar"), cat).signedCookies())
                .isEmpty();

        CookieSignature.Split tampered = CookieSignature.parserResult(m("foo", FOOBAZ_TAMPERED), cat);
        assertThat(tampered.signedCookies()).containsExactly(Map.entry("foo", false));
        assertThat(tampered.cookies()).isEmpty();

        CookieSignature.Split mixed = CookieSignature.parserResult(m("fizz", "buzz", "foo", FOOBAR_KEYBOARD_CAT), cat);
        assertThat(mixed.signedCookies()).containsExactly(Map.entry("foo", "foobar"));
        assertThat(mixed.cookies()).containsExactly(Map.entry("fizz", "buzz"));

        Map<String, String> two = m("buzz", FOOBAR_KEYBOARD_CAT, "fizz", FOOBAR_NYAN_CAT);
        assertThat(CookieSignature.parserResult(two, cat).signedCookies())
                .containsExactly(Map.entry("buzz", "foobar"), Map.entry("fizz", false));
        assertThat(CookieSignature.parserResult(two, List.of("keyboard cat", "nyan cat"))
                        .signedCookies())
                .containsExactly(Map.entry("buzz", "foobar"), Map.entry("fizz", "foobar"));
    }

    @Test
    void cookieParserMiddlewareMaps() {
        // Cookie headers of cookie-parser's middleware tests, through cookie.parse then the helpers
        assertThat(CookieSignature.parserResult(Cookies.parse("foo=bar; bar=baz"), List.of())
                        .cookies())
                .containsExactly(Map.entry("foo", "bar"), Map.entry("bar", "baz"));
        Object inflated = CookieSignature.parserResult(Cookies.parse("foo=j:{\"foo\":\"bar\"}"), List.of())
                .cookies()
                .get("foo");
        assertThat(inflated)
                .isInstanceOfSatisfying(
                        JsonNode.class,
                        n -> assertThat(n.get("foo").stringValue()).isEqualTo("bar"));
        assertThat(CookieSignature.parserResult(Cookies.parse("foo=j:{\"foo\":"), List.of())
                        .cookies())
                .containsExactly(Map.entry("foo", "j:{\"foo\":"));

        String val = CookieSignature.sign("foobarbaz", "keyboard cat");
        CookieSignature.Split signed =
                CookieSignature.parserResult(Cookies.parse("foo=s:" + val), List.of("keyboard cat"));
        assertThat(signed.signedCookies()).containsExactly(Map.entry("foo", "foobarbaz"));
        assertThat(signed.cookies()).isEmpty();
        // a signature without the s: prefix is just a plain cookie
        CookieSignature.Split plain =
                CookieSignature.parserResult(Cookies.parse("foo=" + val + "3"), List.of("keyboard cat"));
        assertThat(plain.signedCookies()).isEmpty();
        assertThat(plain.cookies())
                .containsExactly(Map.entry("foo", "foobarbaz.CP7AWaXDfAKIRfH49dQzKJx7sKzzSoPq7/AcBBRVwlI3"));
        // without secrets nothing is verified
        CookieSignature.Split noSecret = CookieSignature.parserResult(Cookies.parse("foo=s:" + val), List.of());
        assertThat(noSecret.signedCookies()).isEmpty();
        assertThat(noSecret.cookies()).containsExactly(Map.entry("foo", "s:" + val));
    }

    @Test
    void expressSignedJsonCookieRoundTrip() {
        // test/req.signedCookies.js: res.cookie('obj', {foo: 'bar'}, {signed: true}) read back via cookie-parser
        String setCookie = ExpressCookies.cookie(
                "obj",
                Map.of("foo", "bar"),
                new ExpressCookies.Options(CookieAttributes.NONE, null, true),
                "secret",
                0L);
        String pair = setCookie.substring(0, setCookie.indexOf(';'));
        Map<String, Object> signed = CookieSignature.parserResult(Cookies.parse(pair), List.of("secret"))
                .signedCookies();
        assertThat(signed.get("obj"))
                .isInstanceOfSatisfying(
                        JsonNode.class,
                        n -> assertThat(n.get("foo").stringValue()).isEqualTo("bar"));
    }
}
