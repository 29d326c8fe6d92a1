package io.express4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.express4j.http.QueryStrings;
import java.util.Map;

/** Express's "simple" query parser (node's querystring): never throws, honours maxKeys. */
class QueryStringsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String query = FuzzInput.fields(input, 1)[0];
        assertThat(QueryStrings.parse(query)).isNotNull();
        Map<String, Object> few = QueryStrings.parse(query, 3);
        assertThat(few.size()).isLessThanOrEqualTo(3);
    }
}
