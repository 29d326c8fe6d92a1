package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * type-is 2.1.0 ({@code typeis.is}, {@code hasBody}) and bytes 3.1.2 ({@code parse}), against
 * type-is-2.1.0-cases.jsonl: 236 results of the real packages on node 20 (oracle/typeis.js).
 */
class TypeIsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void bodyParserDefaults() {
        assertThat(TypeIs.is("application/json; charset=utf-8", List.of("application/json")))
                .isEqualTo("application/json");
        assertThat(TypeIs.is("application/vnd.api+json", List.of("application/json")))
                .isNull();
        assertThat(TypeIs.is("application/x-www-form-urlencoded", List.of("urlencoded")))
                .isEqualTo("urlencoded");
        assertThat(TypeIs.is(null, List.of("application/json"))).isNull();
        assertThat(TypeIs.hasBody(null, null)).isFalse();
        assertThat(TypeIs.hasBody("chunked", null)).isTrue();
        assertThat(Bytes.parse("100kb")).isEqualTo(102400L);
    }

    @Test
    void matchesTheNpmPackages() throws IOException {
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TypeIsTest.class.getResourceAsStream("type-is-2.1.0-cases.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; n++) {
                JsonNode c = JSON.readTree(line);
                switch (c.get(0).stringValue()) {
                    case "bytes" ->
                        assertThat(Bytes.parse(c.get(1).stringValue()))
                                .as(line)
                                .isEqualTo(c.get(2).isNull() ? null : c.get(2).longValue());
                    case "hasBody" ->
                        assertThat(TypeIs.hasBody(
                                        null,
                                        c.get(1).isNull() ? null : c.get(1).stringValue()))
                                .as(line)
                                .isEqualTo(c.get(2).booleanValue());
                    default -> {
                        List<String> types = new ArrayList<>();
                        c.get(1).values().forEach(t -> types.add(t.stringValue()));
                        String expected = c.get(2).isBoolean() ? null : c.get(2).stringValue();
                        assertThat(TypeIs.is(c.get(0).stringValue(), types))
                                .as(line)
                                .isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(n).isEqualTo(236);
    }
}
