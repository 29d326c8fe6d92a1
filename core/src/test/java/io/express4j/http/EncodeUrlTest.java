package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cases from encodeurl's test suite, EXPRESS.md, and a corpus run through the real package (2.0.3, as Express 5.3.0 installs it). */
class EncodeUrlTest {

    @Test
    void keepsUrlsMadeOfAllowedCharacters() {
        String url = "http://localhost/foo/bar.html?fizz=buzz#readme";
        assertThat(EncodeUrl.encode(url)).isSameAs(url);
        assertThat(EncodeUrl.encode("http://[::1]:8080/foo/bar")).isEqualTo("http://[::1]:8080/foo/bar");
        assertThat(EncodeUrl.encode("http:\\\\localhost\\foo\\bar.html"))
                .isEqualTo("http:\\\\localhost\\foo\\bar.html");
    }

    @Test
    void encodesInvalidRawCharacters() {
        assertThat(EncodeUrl.encode("http://localhost/\nsnow.html")).isEqualTo("http://localhost/%0Asnow.html");
        assertThat(EncodeUrl.encode("http://localhost/\fsnow.html")).isEqualTo("http://localhost/%0Csnow.html");
        assertThat(EncodeUrl.encode("http://localhost/\rsnow.html")).isEqualTo("http://localhost/%0Dsnow.html");
        assertThat(EncodeUrl.encode("http://localhost/ snow.html")).isEqualTo("http://localhost/%20snow.html");
        assertThat(EncodeUrl.encode("http://localhost/\u0000snow.html")).isEqualTo("http://localhost/%00snow.html");
    }

    @Test
    void encodesTheExpectedAsciiCharacters() {
        StringBuilder in = new StringBuilder("/");
        for (char c = 0; c < 0x80; c++) {
            in.append(c);
        }
        assertThat(EncodeUrl.encode(in.toString()))
                .isEqualTo("/%00%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F"
                        + "%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F"
                        + "%20!%22#$%25&'()*+,-./"
                        + "0123456789:;%3C=%3E?"
                        + "@ABCDEFGHIJKLMNO"
                        + "PQRSTUVWXYZ[\\]^_"
                        + "%60abcdefghijklmno"
                        + "pqrstuvwxyz%7B|%7D~%7F");
    }

    @Test
    void encodesNonAsciiAsUtf8() {
        assertThat(EncodeUrl.encode("/\u0080\u00ff")).isEqualTo("/%C2%80%C3%BF");
        assertThat(EncodeUrl.encode("/target path?q=\u00e4")).isEqualTo("/target%20path?q=%C3%A4");
        assertThat(EncodeUrl.encode("/\u2603")).isEqualTo("/%E2%98%83");
    }

    @Test
    void keepsValidPercentEscapes() {
        assertThat(EncodeUrl.encode("http://localhost/%20snow.html")).isEqualTo("http://localhost/%20snow.html");
        assertThat(EncodeUrl.encode("http://localhost/%F0snow.html")).isEqualTo("http://localhost/%F0snow.html");
        assertThat(EncodeUrl.encode("/nope/%3Cpath%3E")).isEqualTo("/nope/%3Cpath%3E");
    }

    @Test
    void encodesPercentThatStartsNoValidEscape() {
        assertThat(EncodeUrl.encode("http://localhost/%foo%bar%zap%"))
                .isEqualTo("http://localhost/%25foo%bar%25zap%25");
        assertThat(EncodeUrl.encode("%")).isEqualTo("%25");
        assertThat(EncodeUrl.encode("%zz")).isEqualTo("%25zz");
    }

    @Test
    void encodesEachPercentThatStartsNoValidEscapeOnItsOwn() {
        assertThat(EncodeUrl.encode("%%41")).isEqualTo("%25%41");
        assertThat(EncodeUrl.encode("%[")).isEqualTo("%25[");
        assertThat(EncodeUrl.encode("%#")).isEqualTo("%25#");
        assertThat(EncodeUrl.encode("%a<")).isEqualTo("%25a%3C");
        assertThat(EncodeUrl.encode("%a")).isEqualTo("%25a");
        assertThat(EncodeUrl.encode("/foo%2")).isEqualTo("/foo%252");
        assertThat(EncodeUrl.encode("/%E0%A4%A")).isEqualTo("/%E0%A4%25A");
    }

    @Test
    void surrogates() {
        assertThat(EncodeUrl.encode("http://localhost/\uD83D\uDC7B snow.html"))
                .isEqualTo("http://localhost/%F0%9F%91%BB%20snow.html");
        assertThat(EncodeUrl.encode("http://localhost/\uD83Dfoo\uDC7B <\uDC7B\uD83D>.html"))
                .isEqualTo("http://localhost/%EF%BF%BDfoo%EF%BF%BD%20%3C%EF%BF%BD%EF%BF%BD%3E.html");
        assertThat(EncodeUrl.encode("http://localhost/\uD83D")).isEqualTo("http://localhost/%EF%BF%BD");
        assertThat(EncodeUrl.encode("\uDC7Bfoo")).isEqualTo("%EF%BF%BDfoo");
        assertThat(EncodeUrl.encode("%\uD83D\uDE00x")).isEqualTo("%25%F0%9F%98%80x");
        assertThat(EncodeUrl.encode("\uD800\uD800\uDC00")).isEqualTo("%EF%BF%BD%F0%90%80%80");
    }

    @Test
    void adjacentLoneSurrogatesAreEachReplaced() {
        assertThat(EncodeUrl.encode("a\uDC00\uDC00")).isEqualTo("a%EF%BF%BD%EF%BF%BD");
        assertThat(EncodeUrl.encode("\uD800\uD800")).isEqualTo("%EF%BF%BD%EF%BF%BD");
    }

    @Test
    void matchesTheRealPackageOnAGeneratedCorpus() {
        JsonNode cases = Fixtures.json("encodeurl-2.0.3-cases.json");
        assertThat(cases.size()).isEqualTo(600);
        for (JsonNode c : cases) {
            String in = c.get(0).stringValue();
            assertThat(EncodeUrl.encode(in))
                    .as("encode(%s)", c.get(0))
                    .isEqualTo(c.get(1).stringValue());
        }
    }
}
