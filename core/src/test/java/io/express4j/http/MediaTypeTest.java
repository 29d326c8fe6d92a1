package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * content-type 2.1.0 (the copy Express 5.3.0 depends on) and Express's setCharset. Cases from
 * EXPRESS.md §2, the package's parse/format specs, and content-type-2.1.0-cases.json, which holds
 * 600 inputs run through express/lib/utils.setCharset and content-type.parse on Node 20.
 */
class MediaTypeTest {

    // --- Express setCharset (EXPRESS.md §2 step 1) ---

    @Test
    void setCharsetAddsOrReplacesTheCharset() {
        assertThat(MediaType.withCharset("text/plain", "utf-8")).isEqualTo("text/plain; charset=utf-8");
        assertThat(MediaType.withCharset("text/plain; charset=iso-8859-1", "utf-8"))
                .isEqualTo("text/plain; charset=utf-8");
        assertThat(MediaType.withCharset("text/plain; CHARSET=latin1; foo=bar", "utf-8"))
                .isEqualTo("text/plain; charset=utf-8; foo=bar");
        assertThat(MediaType.withCharset("application/vnd.example+json", "utf-8"))
                .isEqualTo("application/vnd.example+json; charset=utf-8");
    }

    @Test
    void setCharsetRemembersOnlyTheSameQuestion() {
        // the last answer is reused for the same type and charset, never for another pair
        for (int i = 0; i < 3; i++) {
            assertThat(MediaType.withCharset("text/plain", "utf-8")).isEqualTo("text/plain; charset=utf-8");
            assertThat(MediaType.withCharset("text/plain", "utf-8")).isEqualTo("text/plain; charset=utf-8");
            assertThat(MediaType.withCharset("text/plain", "latin1")).isEqualTo("text/plain; charset=latin1");
            assertThat(MediaType.withCharset("text/csv", "latin1")).isEqualTo("text/csv; charset=latin1");
        }
    }

    @Test
    void setCharsetLowerCasesTypeAndNamesButKeepsValues() {
        assertThat(MediaType.withCharset("TEXT/Plain; Foo=Bar", "utf-8"))
                .isEqualTo("text/plain; foo=Bar; charset=utf-8");
    }

    @Test
    void setCharsetDropsInvalidParameters() {
        assertThat(MediaType.withCharset("text/plain; foo", "utf-8")).isEqualTo("text/plain; charset=utf-8");
        assertThat(MediaType.withCharset("text/plain; foo=\"bar", "utf-8")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void setCharsetRejectsAnInvalidType() {
        assertThatThrownBy(() -> MediaType.withCharset("garbage", "utf-8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid type: garbage");
        assertThatThrownBy(() -> MediaType.withCharset("text/plain, application/json", "utf-8"))
                .hasMessage("Invalid type: text/plain, application/json");
        assertThatThrownBy(() -> MediaType.withCharset("text/plain; =x", "utf-8"))
                .hasMessage("Invalid parameter name: ");
        assertThatThrownBy(() -> MediaType.withCharset("text/plain; a=\"\u0100\"", "utf-8"))
                .hasMessage("Invalid parameter value: \u0100");
    }

    @Test
    void setCharsetPassesEmptyInputsThrough() {
        assertThat(MediaType.withCharset(null, "utf-8")).isNull();
        assertThat(MediaType.withCharset("", "utf-8")).isEmpty();
        assertThat(MediaType.withCharset("text/plain", null)).isEqualTo("text/plain");
        assertThat(MediaType.withCharset("garbage", "")).isEqualTo("garbage");
    }

    @Test
    void arrayIndexParameterNamesAreListedFirst() {
        assertThat(MediaType.withCharset("text/plain; 2=b; 1=a; z=c", "utf-8"))
                .isEqualTo("text/plain; 1=a; 2=b; z=c; charset=utf-8");
    }

    // --- parse (content-type's parse.spec) ---

    private static void assertParsed(String header, String type, Map<String, String> params) {
        MediaType mt = MediaType.parse(header);
        assertThat(mt.type()).as("type of %s", header).isEqualTo(type);
        assertThat(mt.parameters()).as("parameters of %s", header).containsExactlyEntriesOf(params);
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void parsesTypesWithoutValidatingThem() {
        assertParsed("", "", params());
        assertParsed("text/html", "text/html", params());
        assertParsed(" text/html ", "text/html", params());
        assertParsed("IMAGE/SVG+XML", "image/svg+xml", params());
        for (String invalid : List.of(
                " ",
                "null",
                "/",
                "text / plain",
                "text/$plain",
                "text/\"plain\"",
                "text/p\u00a3ain",
                "text/(plain)",
                "text/@plain",
                "text/plain,wrong")) {
            assertParsed(invalid, invalid.trim().toLowerCase(java.util.Locale.ROOT), params());
        }
        assertParsed("text/html, application/json", "text/html, application/json", params());
    }

    @Test
    void parsesParameters() {
        assertParsed("text/html; charset=utf-8; foo=bar", "text/html", params("charset", "utf-8", "foo", "bar"));
        assertParsed("text/html ; charset=utf-8 ; foo=bar", "text/html", params("charset", "utf-8", "foo", "bar"));
        assertParsed("text/html; charset=", "text/html", params("charset", ""));
        assertParsed("text/html; charset=\"\"", "text/html", params("charset", ""));
        assertParsed("text/html; charset= ", "text/html", params("charset", ""));
        assertParsed("text/html; charset = utf-8", "text/html", params("charset", "utf-8"));
        assertParsed("text/html; Charset=UTF-8", "text/html", params("charset", "UTF-8"));
        assertParsed("text/html; charset=\"UTF-8\"", "text/html", params("charset", "UTF-8"));
        assertParsed("text/html; charset = \"UT\\F-\\\\\\\"8\\\"\"", "text/html", params("charset", "UTF-\\\"8\""));
        assertParsed(
                "text/html; param=\"charset=\\\"utf-8\\\"; foo=bar\"; bar=foo",
                "text/html",
                params("param", "charset=\"utf-8\"; foo=bar", "bar", "foo"));
        assertParsed("text/html;;;; charset=utf-8;; foo=bar;", "text/html", params("charset", "utf-8", "foo", "bar"));
    }

    @Test
    void parsesSloppyParametersLeniently() {
        assertParsed("text/plain; foo=\"bar", "text/plain", params());
        assertParsed("text/plain; foo=\"bar\\", "text/plain", params());
        assertParsed("text/plain; foo=\"bar\"baz", "text/plain", params("foo", "bar"));
        assertParsed(
                "text/plain; foo=\"bar\"baz; charset=utf-8", "text/plain", params("foo", "bar", "charset", "utf-8"));
        assertParsed("text/plain; foo=bar\"baz", "text/plain", params("foo", "bar\"baz"));
        assertParsed("text/plain; foo=bar=baz", "text/plain", params("foo", "bar=baz"));
        assertParsed("text/html; charset=utf-8; charset=iso-8859-1", "text/html", params("charset", "utf-8"));
        assertParsed("text/html; Charset=utf-8; charset=iso-8859-1", "text/html", params("charset", "utf-8"));
        assertParsed("text/html; Charset=\"utf-8\"; charset=\"iso-8859-1\"", "text/html", params("charset", "utf-8"));
    }

    @Test
    void parameterLookupAndCopy() {
        MediaType mt = MediaType.parse("text/plain; Charset=latin1; a=b");
        assertThat(mt.parameter("charset")).isEqualTo("latin1");
        assertThat(mt.parameter("missing")).isNull();
        MediaType changed = mt.withParameter("charset", "utf-8");
        assertThat(changed.format()).isEqualTo("text/plain; charset=utf-8; a=b");
        assertThat(mt.format()).isEqualTo("text/plain; charset=latin1; a=b");
        assertThat(changed.withParameter("z", "1").toString()).isEqualTo("text/plain; charset=utf-8; a=b; z=1");
        assertThat(MediaType.parse("TEXT/plain;A=b")).isEqualTo(MediaType.parse("text/plain; a=b"));
    }

    // --- format (content-type's format.spec) ---

    @Test
    void formatsTypesAndParameters() {
        assertThat(MediaType.format("text/html", Map.of())).isEqualTo("text/html");
        assertThat(MediaType.format("image/svg+xml", null)).isEqualTo("image/svg+xml");
        assertThat(MediaType.format("IMAGE/SVG+XML", null)).isEqualTo("IMAGE/SVG+XML");
        assertThat(MediaType.format("text/html", params("Charset", "utf-8"))).isEqualTo("text/html; Charset=utf-8");
        assertThat(MediaType.format("text/html", params("Charset", "utf-8", "charset", "iso-8859-1")))
                .isEqualTo("text/html; Charset=utf-8; charset=iso-8859-1");
        assertThat(MediaType.format("text/html", params("foo", "bar or \"baz\"")))
                .isEqualTo("text/html; foo=\"bar or \\\"baz\\\"\"");
        assertThat(MediaType.format("text/html", params("foo", ""))).isEqualTo("text/html; foo=\"\"");
        assertThat(MediaType.format("text/html", params("charset", "utf-8", "foo", "bar", "bar", "baz")))
                .isEqualTo("text/html; charset=utf-8; foo=bar; bar=baz");
        assertThat(MediaType.format("text/html", params("foo", "bar\tbaz"))).isEqualTo("text/html; foo=\"bar\tbaz\"");
    }

    @Test
    void formatRejectsInvalidPieces() {
        assertThatThrownBy(() -> MediaType.format("text/", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid type: text/");
        assertThatThrownBy(() -> MediaType.format(" text/html", null)).hasMessage("Invalid type:  text/html");
        assertThatThrownBy(() -> MediaType.format("image/svg", params("foo/", "bar")))
                .hasMessage("Invalid parameter name: foo/");
        assertThatThrownBy(() -> MediaType.format("image/svg", params("foo", "bar\u0000")))
                .hasMessage("Invalid parameter value: bar\u0000");
        assertThatThrownBy(() -> MediaType.format("text/html", params("foo", "bar\u000bbaz")))
                .hasMessageStartingWith("Invalid parameter value");
    }

    // --- corpus produced by the real packages ---

    @Test
    void matchesContentTypeAndSetCharsetOnAGeneratedCorpus() {
        JsonNode cases = Fixtures.json("content-type-2.1.0-cases.json");
        assertThat(cases.size()).isEqualTo(600);
        for (JsonNode c : cases) {
            String header = c.get(0).stringValue();
            JsonNode outcome = c.get(1);
            if (outcome.get(0).stringValue().equals("ok")) {
                assertThat(MediaType.withCharset(header, "utf-8"))
                        .as("setCharset(%s)", c.get(0))
                        .isEqualTo(outcome.get(1).stringValue());
            } else {
                assertThatThrownBy(() -> MediaType.withCharset(header, "utf-8"))
                        .as("setCharset(%s)", c.get(0))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(outcome.get(1).stringValue());
            }
            MediaType parsed = MediaType.parse(header);
            assertThat(parsed.type())
                    .as("type of %s", c.get(0))
                    .isEqualTo(c.get(2).get(0).stringValue());
            List<Map.Entry<String, String>> expected = new ArrayList<>();
            for (JsonNode e : c.get(2).get(1)) {
                expected.add(entry(e.get(0).stringValue(), e.get(1).stringValue()));
            }
            assertThat(new ArrayList<>(parsed.parameters().entrySet()))
                    .as("parameters of %s", c.get(0))
                    .containsExactlyElementsOf(expected);
        }
    }
}
