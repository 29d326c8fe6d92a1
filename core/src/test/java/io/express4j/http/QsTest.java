package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * qs 6.17.1's parse. qs-6.17.1-cases.json holds ~1550 inputs (hand-picked plus seeded random ones) run through the
 * real qs under the option sets Express and body-parser use (oracle/qs.js); results compare as JSON text, so key
 * order, list-versus-map and every value must match.
 */
class QsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void expressUrlencodedExamples() {
        Qs.Options extended =
                new Qs.Options().allowPrototypes(true).arrayLimit(100).depth(32).strictDepth(true);
        assertThat(Qs.parse("user[name][first]=Tobi", extended))
                .isEqualTo(Map.of("user", Map.of("name", Map.of("first", "Tobi"))));
        assertThat(Qs.parse("foo[0][bar]=baz&foo[0][fizz]=buzz&foo[]=done!", extended))
                .isEqualTo(Map.of("foo", List.of(Map.of("bar", "baz", "fizz", "buzz"), "done!")));
        Qs.Options flat =
                new Qs.Options().allowPrototypes(true).arrayLimit(3).depth(0).strictDepth(true);
        assertThat(JSON.writeValueAsString(Qs.parse("a=1&b[c]=2&a=3", flat)))
                .isEqualTo("{\"a\":[\"1\",\"3\"],\"b[c]\":\"2\"}");
    }

    @Test
    void strictDepthThrows() {
        Qs.Options options = new Qs.Options().depth(2).strictDepth(true);
        assertThatThrownBy(() -> Qs.parse("a[b][c][d]=1", options))
                .isInstanceOf(Qs.DepthExceededException.class)
                .hasMessage("Input depth exceeded depth option of 2 and strictDepth is true");
    }

    @Test
    void charsetOptionIsChecked() {
        assertThatThrownBy(() -> new Qs.Options().charset("latin1"))
                .hasMessage("The charset option must be either utf-8, iso-8859-1, or undefined");
    }

    @Test
    void matchesQsOnNode() {
        JsonNode cases = Fixtures.json("qs-6.17.1-cases.json").get("cases");
        assertThat(cases.size()).isGreaterThan(10_000);
        for (JsonNode c : cases) {
            String input = c.get(0).stringValue();
            String set = c.get(1).stringValue();
            String expected = c.get(2).stringValue();
            int pieces = input.split("&", -1).length;
            Qs.Options options = options(set, pieces);
            String actual;
            try {
                actual = JSON.writeValueAsString(Qs.parse(input, options));
            } catch (Qs.DepthExceededException e) {
                actual = "throws RangeError";
            }
            assertThat(actual).as("qs.parse(%s) with %s", c.get(0), set).isEqualTo(expected);
        }
    }

    private static Qs.Options options(String set, int pieces) {
        Qs.Options o = new Qs.Options().allowPrototypes(true);
        return switch (set) {
            case "express" -> o;
            case "flat" -> o.arrayLimit(pieces).depth(0).strictDepth(true);
            case "extended" -> o.arrayLimit(Math.max(100, pieces)).depth(32).strictDepth(true);
            case "tight" -> o.arrayLimit(3).depth(2);
            case "strict2" -> o.arrayLimit(3).depth(2).strictDepth(true);
            case "iso" ->
                o.arrayLimit(pieces)
                        .depth(32)
                        .charset("iso-8859-1")
                        .interpretNumericEntities(true)
                        .charsetSentinel(true)
                        .strictDepth(true);
            case "sentinel" ->
                o.arrayLimit(pieces)
                        .depth(32)
                        .charsetSentinel(true)
                        .interpretNumericEntities(true)
                        .strictDepth(true);
            default -> throw new IllegalArgumentException(set);
        };
    }
}
