package io.express4j.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.JacksonJsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code JSON.parse} as body-parser sees it on Node 20: json-parse-node20-cases.json holds ~3100 texts (hand-picked
 * plus seeded random ones, oracle/jsonparse.js) with V8's SyntaxError message, or the value it parsed to.
 */
class JsonSyntaxTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JacksonJsonMapper MAPPER = new JacksonJsonMapper();

    private static JsonNode cases() throws IOException {
        try (InputStream in = JsonSyntaxTest.class.getResourceAsStream("json-parse-node20-cases.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void messagesMatchV8() throws IOException {
        JsonNode cases = cases();
        assertThat(cases.size()).isGreaterThan(3000);
        for (JsonNode c : cases) {
            String input = c.get(0).stringValue();
            String expected = c.get(1).isNull() ? null : c.get(1).stringValue();
            assertThat(JsonSyntax.errorMessage(input))
                    .as("JSON.parse(%s)", c.get(0))
                    .isEqualTo(expected);
        }
    }

    @Test
    void parsedValuesMatchNode() throws IOException {
        for (JsonNode c : cases()) {
            if (!c.get(1).isNull()) continue;
            String input = c.get(0).stringValue();
            Object value;
            try {
                value = JsonBody.parse(input, false, null, MAPPER);
            } catch (JsonBody.SyntaxError e) {
                throw new AssertionError("rejected " + input, e);
            }
            String expected = c.get(2).stringValue();
            // what differs here is serialising, not parsing: JSON.stringify writes Infinity as null and escapes a lone
            // surrogate, Jackson does neither
            if (input.contains("1e400") || input.contains("\\ud800")) continue;
            String actual = MAPPER.stringify(value, "");
            if (actual.equals(expected)) continue;
            // Jackson writes some doubles differently from JSON.stringify (5.0E-4 for 0.0005): compare as numbers
            boolean same = JSON.readTree(actual)
                    .equals(
                            (a, b) -> a.isNumber() && b.isNumber()
                                    ? Double.compare(a.doubleValue(), b.doubleValue())
                                    : a.equals(b) ? 0 : 1,
                            JSON.readTree(expected));
            assertThat(same).as("JSON.parse(%s) gave %s", c.get(0), actual).isTrue();
        }
    }

    @Test
    void deepNestingCostsNoStack() {
        String deep = "[".repeat(200_000) + "]".repeat(199_999);
        assertThat(JsonSyntax.errorMessage(deep))
                .isEqualTo("Expected ',' or ']' after array element in JSON at position 399999");
    }

    @Test
    void strictModeNamesTheFirstCharacter() {
        assertThatThrownBy(() -> JsonBody.parse("true", true, null, MAPPER))
                .hasMessage("Unexpected token 't', \"true\" is not valid JSON");
        assertThatThrownBy(() -> JsonBody.parse("  \"a string that is long enough\"", true, null, MAPPER))
                .hasMessage("Unexpected token '\"', \"  \"a string \"... is not valid JSON");
        assertThatThrownBy(() -> JsonBody.parse(" \n", true, null, MAPPER)).hasMessage("Unexpected end of JSON input");
    }

    @Test
    void reviverRunsInnermostFirstAndCanDelete() throws Exception {
        StringBuilder seen = new StringBuilder();
        Object value = JsonBody.parse(
                "{\"a\":{\"b\":1,\"c\":2},\"d\":[1,2]}",
                true,
                (key, v) -> {
                    seen.append(key).append(';');
                    if (key.equals("c")) return io.express4j.Express.UNDEFINED;
                    if (v instanceof Integer n) return n * 10;
                    return v;
                },
                MAPPER);
        assertThat(seen).hasToString("b;c;a;0;1;d;;");
        assertThat(value).isEqualTo(Map.of("a", Map.of("b", 10), "d", List.of(10, 20)));
    }
}
