package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Node 20 querystring.parse. Hand-written cases come from EXPRESS.md §4/§9 and Node's own
 * test-querystring.js; querystring-node20-cases.json holds 800 inputs run through node 20.20.2.
 */
class QueryStringsTest {

    @Test
    void expressSimpleQueryParserExample() {
        Map<String, Object> q = QueryStrings.parse("x=1&x=2&y[z]=3");
        assertThat(q).containsExactly(entry("x", List.of("1", "2")), entry("y[z]", "3"));
    }

    @Test
    void emptyAndNullGiveEmptyMaps() {
        assertThat(QueryStrings.parse("")).isEmpty();
        assertThat(QueryStrings.parse(null)).isEmpty();
        assertThat(QueryStrings.parse("&")).isEmpty();
        assertThat(QueryStrings.parse("&&")).isEmpty();
    }

    @Test
    void nodeTestSuiteCases() {
        assertThat(QueryStrings.parse("foo=918854443121279438895193"))
                .containsExactly(entry("foo", "918854443121279438895193"));
        assertThat(QueryStrings.parse("foo=bar&foo=quux")).containsExactly(entry("foo", List.of("bar", "quux")));
        assertThat(QueryStrings.parse("my+weird+field=q1%212%22%27w%245%267%2Fz8%29%3F"))
                .containsExactly(entry("my weird field", "q1!2\"'w$5&7/z8)?"));
        assertThat(QueryStrings.parse("foo%3Dbaz=bar")).containsExactly(entry("foo=baz", "bar"));
        assertThat(QueryStrings.parse("foo=baz=bar")).containsExactly(entry("foo", "baz=bar"));
        assertThat(QueryStrings.parse("str=foo&arr=1&arr=2&arr=3&somenull=&undef="))
                .containsExactly(
                        entry("str", "foo"),
                        entry("arr", List.of("1", "2", "3")),
                        entry("somenull", ""),
                        entry("undef", ""));
        assertThat(QueryStrings.parse(" foo = bar ")).containsExactly(entry(" foo ", " bar "));
        assertThat(QueryStrings.parse("foo=%zx")).containsExactly(entry("foo", "%zx"));
        assertThat(QueryStrings.parse("foo=%EF%BF%BD")).containsExactly(entry("foo", "\uFFFD"));
        assertThat(QueryStrings.parse("foo&bar=baz")).containsExactly(entry("foo", ""), entry("bar", "baz"));
        assertThat(QueryStrings.parse("hasOwnProperty=x&toString=foo&__proto__=baz"))
                .containsExactly(entry("hasOwnProperty", "x"), entry("toString", "foo"), entry("__proto__", "baz"));
    }

    @Test
    void edgePieces() {
        assertThat(QueryStrings.parse("a")).containsExactly(entry("a", ""));
        assertThat(QueryStrings.parse("=")).containsExactly(entry("", ""));
        assertThat(QueryStrings.parse("=a")).containsExactly(entry("", "a"));
        assertThat(QueryStrings.parse("a&")).containsExactly(entry("a", ""));
        assertThat(QueryStrings.parse("a=1&a=2&a")).containsExactly(entry("a", List.of("1", "2", "")));
    }

    @Test
    void malformedEscapesAreKeptLiterally() {
        assertThat(QueryStrings.parse("x=%C3%A9%zz")).containsExactly(entry("x", "\u00e9%zz"));
        assertThat(QueryStrings.parse("a=%2")).containsExactly(entry("a", "%2"));
        assertThat(QueryStrings.parse("x=%E9")).containsExactly(entry("x", "\uFFFD"));
        assertThat(QueryStrings.parse("x=%E2%82%AC%")).containsExactly(entry("x", "\u20ac%"));
        assertThat(QueryStrings.parse("%=%")).containsExactly(entry("%", "%"));
    }

    @Test
    void nodeOnlyDecodesPiecesWithAValidLookingEscape() {
        // no %XX in the key: left as is, even though it holds a bad escape and non-ASCII
        assertThat(QueryStrings.parse("\u00e9%zz=1")).containsExactly(entry("\u00e9%zz", "1"));
        // the fallback decoder truncates non-ASCII chars to one byte, as Node's Buffer does
        assertThat(QueryStrings.parse("a%41%42=\u00e9%zz")).containsExactly(entry("aAB", "\uFFFD%zz"));
    }

    @Test
    void arrayIndexKeysComeFirstLikeAJsObject() {
        Map<String, Object> q = QueryStrings.parse("b=1&2=x&1=y&01=z");
        assertThat(new ArrayList<>(q.keySet())).containsExactly("1", "2", "b", "01");
    }

    @Test
    void maxKeysLimitsPiecesIncludingEmptyOnes() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 1005; i++) {
            big.append(i == 0 ? "" : "&").append('k').append(i).append('=').append(i);
        }
        Map<String, Object> q = QueryStrings.parse(big.toString());
        assertThat(q).hasSize(1000).containsKey("k999").doesNotContainKey("k1000");

        assertThat(QueryStrings.parse("&".repeat(999) + "a=1&b=2")).containsExactly(entry("a", "1"));
        assertThat(QueryStrings.parse("a=1&b=1&c=1", 1)).containsExactly(entry("a", "1"));
        assertThat(QueryStrings.parse(big.toString(), 0)).hasSize(1005);
    }

    @Test
    void decodeUriComponentIsStrict() {
        assertThat(JsStrings.decodeURIComponent("a%20b")).isEqualTo("a b");
        assertThat(JsStrings.decodeURIComponent("%F0%9F%98%80")).isEqualTo("\uD83D\uDE00");
        assertThat(JsStrings.decodeURIComponent("%2")).isNull();
        assertThat(JsStrings.decodeURIComponent("%C0%80")).isNull(); // overlong
        assertThat(JsStrings.decodeURIComponent("%ED%A0%80")).isNull(); // surrogate
        assertThat(JsStrings.decodeURIComponent("%F4%90%80%80")).isNull(); // > U+10FFFF
        assertThat(JsStrings.decodeURIComponent("%80")).isNull();
        assertThat(JsStrings.decodeURIComponent("%E2%82")).isNull();
    }

    @Test
    void lenientUtf8DecodingReplacesMaximalSubpartsLikeNode() {
        assertThat(QueryStrings.parse("x=%ED%A0%80")).containsExactly(entry("x", "\uFFFD\uFFFD\uFFFD"));
        assertThat(QueryStrings.parse("x=%C0%80")).containsExactly(entry("x", "\uFFFD\uFFFD"));
        assertThat(QueryStrings.parse("x=%E2%82")).containsExactly(entry("x", "\uFFFD"));
        assertThat(QueryStrings.parse("x=%F0%9F%98%zz")).containsExactly(entry("x", "\uFFFD%zz"));
        assertThat(QueryStrings.parse("%FF")).containsExactly(entry("\uFFFD", ""));
    }

    @Test
    void matchesNode20OnAGeneratedCorpus() {
        JsonNode data = Fixtures.json("querystring-node20-cases.json");
        JsonNode cases = data.get("cases");
        assertThat(cases.size()).isEqualTo(800);
        for (JsonNode c : cases) {
            String input = c.get(0).stringValue();
            List<Map.Entry<String, Object>> expected = new ArrayList<>();
            for (JsonNode e : c.get(1)) {
                JsonNode v = e.get(1);
                Object value;
                if (v.isArray()) {
                    List<String> list = new ArrayList<>();
                    v.values().forEach(x -> list.add(x.stringValue()));
                    value = list;
                } else {
                    value = v.stringValue();
                }
                expected.add(entry(e.get(0).stringValue(), value));
            }
            assertThat(new ArrayList<>(QueryStrings.parse(input).entrySet()))
                    .as("parse(%s)", c.get(0))
                    .containsExactlyElementsOf(expected);
        }
        assertThat(data.get("bigKeys").intValue()).isEqualTo(1000);
    }
}
