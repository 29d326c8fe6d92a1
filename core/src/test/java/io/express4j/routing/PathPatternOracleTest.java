package io.express4j.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.routing.PathPatternCaseSupport.DecodeError;
import io.express4j.routing.PathPatternCaseSupport.Matched;
import io.express4j.routing.PathPatternCaseSupport.NoMatch;
import io.express4j.routing.PathPatternCaseSupport.Row;
import io.express4j.routing.PathPatternCaseSupport.SyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the oracle table generated from router@2.3.0 + path-to-regexp@8.4.2 (loaded by {@link PathPatternOracleCases}).
 */
class PathPatternOracleTest {

    static Stream<Row> rows() {
        return PathPatternOracleCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void behavesLikeExpress(Row row) {
        if (row.expect() instanceof SyntaxError e) {
            assertThatThrownBy(() -> compile(row))
                    .isInstanceOf(PathSyntaxException.class)
                    .hasMessage(e.message());
            return;
        }
        PathPattern pattern = compile(row);
        switch (row.expect()) {
            case NoMatch n -> assertThat(pattern.match(row.input())).isNull();
            case DecodeError d ->
                assertThatThrownBy(() -> pattern.match(row.input()))
                        .isInstanceOfSatisfying(
                                PathDecodeException.class,
                                ex -> assertThat(ex.status()).isEqualTo(400))
                        .hasMessage(d.message());
            case Matched m -> {
                PathPattern.Match actual = pattern.match(row.input());
                assertThat(actual).as("match").isNotNull();
                assertThat(actual.matchedPath()).as("matchedPath").isEqualTo(m.matchedPath());
                assertThat(entries(actual.params())).as("params (in order)").isEqualTo(entries(m.params()));
            }
            case SyntaxError s -> throw new AssertionError(s);
        }
    }

    private static PathPattern compile(Row row) {
        return PathPattern.compile(row.path(), row.end(), row.caseSensitive(), row.strict());
    }

    private static List<String> entries(Map<String, Object> params) {
        List<String> out = new ArrayList<>();
        params.forEach((k, v) -> out.add(k + "=" + (v instanceof List<?> ? "list" + v : "str[" + v + "]")));
        return out;
    }
}
