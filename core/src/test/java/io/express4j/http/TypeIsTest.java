package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * type-is 2.1.0. Hand-written cases follow Express's req.is.js; type-is-2.1.0-cases.json is the product of 18
 * content types and 23 offer lists run through the real package (generator: oracle/typeis.js).
 */
class TypeIsTest {

    @Test
    void expressReqIsCases() {
        assertThat(TypeIs.is("application/json", List.of("application/json"))).isEqualTo("application/json");
        assertThat(TypeIs.is("application/json", List.of("image/jpeg"))).isNull();
        assertThat(TypeIs.is("application/json; charset=UTF-8", List.of("application/json")))
                .isEqualTo("application/json");
        assertThat(TypeIs.is(null, List.of("application/json"))).isNull();
        assertThat(TypeIs.is("application/json", List.of("json"))).isEqualTo("json");
        assertThat(TypeIs.is("application/json", List.of("*/json"))).isEqualTo("application/json");
        assertThat(TypeIs.is("application/json", List.of("*/html"))).isNull();
        assertThat(TypeIs.is("application/json", List.of("application/*"))).isEqualTo("application/json");
        assertThat(TypeIs.is("application/json", List.of("text/*"))).isNull();
        assertThat(TypeIs.is("application/vnd.api+json", List.of("+json"))).isEqualTo("application/vnd.api+json");
        assertThat(TypeIs.is("text/html; charset=utf-8", List.of())).isEqualTo("text/html");
    }

    @Test
    void hasBody() {
        assertThat(TypeIs.hasBody(null, null)).isFalse();
        assertThat(TypeIs.hasBody("chunked", null)).isTrue();
        assertThat(TypeIs.hasBody(null, "0")).isTrue();
        assertThat(TypeIs.hasBody(null, "abc")).isFalse();
    }

    @Test
    void matchesTypeIsOnTheOracleProduct() {
        JsonNode root = Fixtures.json("type-is-2.1.0-cases.json");
        List<String> failures = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            String type = c.get(0).isNull() ? null : c.get(0).asString();
            List<String> offers = new ArrayList<>();
            c.get(1).forEach(o -> offers.add(o.asString()));
            String expected = c.get(2).isNull() ? null : c.get(2).asString();
            String actual = TypeIs.is(type, offers);
            if (!java.util.Objects.equals(expected, actual)) {
                failures.add(type + " " + offers + ": expected " + expected + " got " + actual);
            }
        }
        for (JsonNode b : root.get("bodies")) {
            String te = b.get(0).isNull() ? null : b.get(0).asString();
            String cl = b.get(1).isNull() ? null : b.get(1).asString();
            if (TypeIs.hasBody(te, cl) != b.get(2).asBoolean()) failures.add("hasBody " + te + " " + cl);
        }
        assertThat(root.get("cases").size()).isEqualTo(18 * 23);
        assertThat(failures).isEmpty();
    }
}
