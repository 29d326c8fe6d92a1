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
import tools.jackson.databind.json.JsonMapper;

/**
 * qs 6.17.1 as Express 5.3.0's "extended" query parser and body-parser 2.4.0 call it. The hand-written cases come
 * from Express's req.query.js and qs's README; qs-6.17.1-cases.json holds ~4,000 inputs run through the real qs
 * (generator: oracle/qs.js), compared as JSON text so that key order counts too.
 */
class QsParserTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, QsParser.Options> OPTIONS = Map.of(
            "express", QsParser.Options.EXPRESS_QUERY,
            "body", new QsParser.Options(32, 100, 1000, true, false, false, false),
            "bodyShallow", new QsParser.Options(2, 3, 5, true, false, false, false),
            "latin1", new QsParser.Options(32, 100, 1000, true, true, true, true),
            "sentinel", new QsParser.Options(32, 100, 1000, true, false, true, true));

    @Test
    void expressExtendedQueryCases() {
        assertThat(json(QsParser.parse("foo[0][bar]=baz&foo[0][fizz]=buzz&foo[]=done!")))
                .isEqualTo("{\"foo\":[{\"bar\":\"baz\",\"fizz\":\"buzz\"},\"done!\"]}");
        assertThat(QsParser.parse("user.name=tj")).containsExactly(entry("user.name", "tj"));
        assertThat(QsParser.parse("user%5Bname%5D=tj")).containsExactly(entry("user", Map.of("name", "tj")));
    }

    @Test
    void nestingListsAndRepeats() {
        assertThat(QsParser.parse("a[b][c]=d")).isEqualTo(Map.of("a", Map.of("b", Map.of("c", "d"))));
        assertThat(QsParser.parse("a[]=b&a[]=c")).isEqualTo(Map.of("a", List.of("b", "c")));
        assertThat(QsParser.parse("a[1]=b&a[0]=c")).isEqualTo(Map.of("a", List.of("c", "b")));
        assertThat(QsParser.parse("a=1&a=2")).isEqualTo(Map.of("a", List.of("1", "2")));
        assertThat(QsParser.parse("")).isEmpty();
        assertThat(QsParser.parse(null)).isEmpty();
    }

    @Test
    void limitsDegradeToIndexKeyedMaps() {
        assertThat(json(QsParser.parse("a[20]=x"))).isEqualTo("{\"a\":{\"20\":\"x\"}}");
        assertThat(json(QsParser.parse("a[19]=x"))).isEqualTo("{\"a\":[\"x\"]}");
        assertThat(json(QsParser.parse("a[b][c][d][e][f][g][h]=i")))
                .isEqualTo("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"[g][h]\":\"i\"}}}}}}}");
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 1003; i++) big.append(i == 0 ? "" : "&").append('k').append(i).append('=').append(i);
        assertThat(QsParser.parse(big.toString())).hasSize(1000);
    }

    @Test
    void strictDepthThrows() {
        QsParser.Options strict = QsParser.Options.EXPRESS_QUERY.withDepth(1).withStrictDepth(true);
        assertThat(QsParser.parse("a[b]=1", strict)).isEqualTo(Map.of("a", Map.of("b", "1")));
        assertThatThrownBy(() -> QsParser.parse("a[b][c]=1", strict))
                .isInstanceOf(QsParser.DepthExceededException.class)
                .hasMessage("Input depth exceeded depth option of 1 and strictDepth is true");
    }

    @Test
    void prototypeKeysAreDataButProtoIsDropped() {
        assertThat(QsParser.parse("toString=1&__proto__=2&a[__proto__]=3"))
                .containsExactly(entry("toString", "1"), entry("a", Map.of()));
    }

    @Test
    void latin1AndSentinel() {
        QsParser.Options latin1 = QsParser.Options.EXPRESS_QUERY.withLatin1(true);
        assertThat(QsParser.parse("a=%E9", latin1)).containsExactly(entry("a", "é"));
        QsParser.Options sentinel = QsParser.Options.EXPRESS_QUERY.withCharsetSentinel(true);
        assertThat(QsParser.parse("utf8=%26%2310003%3B&a=%E9", sentinel)).containsExactly(entry("a", "é"));
        assertThat(QsParser.parse("utf8=%E2%9C%93&a=%C3%A9", sentinel)).containsExactly(entry("a", "é"));
    }

    @Test
    void matchesQsOnTheOracleCorpus() {
        JsonNode root = Fixtures.json("qs-6.17.1-cases.json");
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (JsonNode c : root.get("cases")) {
            String options = c.get(0).asString();
            String input = c.get(1).asString();
            String expected = c.get(2).asString();
            String actual;
            try {
                actual = json(QsParser.parse(input, OPTIONS.get(options)));
            } catch (QsParser.DepthExceededException e) {
                actual = "!RangeError";
            }
            if (!expected.equals(actual)) failures.add(options + " " + input + "\n  qs:   " + expected + "\n  java: " + actual);
            n++;
        }
        assertThat(n).isGreaterThan(4000);
        assertThat(failures).isEmpty();
    }

    private static String json(Map<String, Object> value) {
        return JSON.writeValueAsString(new LinkedHashMap<>(value));
    }
}
