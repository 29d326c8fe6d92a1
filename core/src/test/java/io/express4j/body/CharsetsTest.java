package io.express4j.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** iconv-lite's names and decoding rules as body-parser uses them (expected values from iconv-lite 0.7.3). */
class CharsetsTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void namesIconvLiteKnows() {
        assertThat(Charsets.exists("utf-8")).isTrue();
        assertThat(Charsets.exists("UTF8")).isTrue();
        assertThat(Charsets.exists("latin1")).isTrue();
        assertThat(Charsets.exists("koi8-r")).isTrue();
        assertThat(Charsets.exists("utf-16")).isTrue();
        assertThat(Charsets.exists("ucs2")).isTrue();
        assertThat(Charsets.exists("x-bogus")).isFalse();
    }

    @Test
    void decodesAsIconvLite() {
        assertThat(Charsets.decode(hex("6e616d6520697320cec5d4"), "koi8-r")).isEqualTo("name is нет");
        assertThat(Charsets.decode(hex("efbbbf7b7d"), "utf-8")).isEqualTo("{}"); // BOM dropped
        assertThat(Charsets.decode(hex("feff007b007d"), "utf-16")).isEqualTo("{}"); // BE by BOM
        assertThat(Charsets.decode(hex("7b007d00"), "utf-16")).isEqualTo("{}"); // LE guessed
        assertThat(Charsets.decode(hex("007b007d"), "utf-16")).isEqualTo("{}"); // BE guessed
        assertThat(Charsets.decode(hex("e4"), "iso-8859-1")).isEqualTo("ä");
        assertThat(Charsets.decode(hex("eda080"), "utf-8")).isEqualTo("\ufffd\ufffd\ufffd"); // as Node
        assertThat(Charsets.decode(hex("0000007b0000007d"), "utf-32")).isEqualTo("{}");
    }
}
