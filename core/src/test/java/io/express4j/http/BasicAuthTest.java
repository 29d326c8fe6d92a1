package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link BasicAuth#user} against npm basic-auth 2.0.1's {@code parse(header).name} in Node 20 (null = undefined). */
class BasicAuthTest {

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource
    void user(String header, String expected) {
        assertThat(BasicAuth.user(header)).isEqualTo(expected);
    }

    static Stream<Arguments> user() {
        return Stream.of(
                arguments("Basic dGo6", "tj"),
                arguments("basic   dGo6  ", "tj"),
                arguments("Basic Og==", ""),
                arguments("Basic dG9iaTpsb2tp", "tobi"),
                arguments("Basic dGo", null),
                arguments("Basic dGo6cGFzcw", "tj"),
                arguments("Basic dG-_6", null),
                arguments("Basic ~dGo6~", "tj"),
                arguments("Bearer dGo6", null),
                arguments("Basic !!!", null),
                arguments("Basic w6k6eA==", "\u00e9"),
                arguments(null, null));
    }
}
