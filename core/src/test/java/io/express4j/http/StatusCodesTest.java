package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Node 20's http.STATUS_CODES, dumped from node 20.20.2 into node20-status-codes.tsv. */
class StatusCodesTest {

    private static Map<Integer, String> nodeTable() throws IOException {
        Map<Integer, String> table = new HashMap<>();
        try (InputStream in = StatusCodesTest.class.getResourceAsStream("node20-status-codes.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                table.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1));
            }
        }
        return table;
    }

    @Test
    void matchesNode20TableForEveryThreeDigitCode() throws IOException {
        Map<Integer, String> table = nodeTable();
        assertThat(table).hasSize(63);
        for (int code = 0; code <= 1000; code++) {
            assertThat(StatusCodes.reason(code)).as("code %d", code).isEqualTo(table.get(code));
        }
    }

    @Test
    void wellKnownPhrases() {
        assertThat(StatusCodes.reason(200)).isEqualTo("OK");
        assertThat(StatusCodes.reason(404)).isEqualTo("Not Found");
        assertThat(StatusCodes.reason(418)).isEqualTo("I'm a Teapot");
        assertThat(StatusCodes.reason(425)).isEqualTo("Too Early");
        assertThat(StatusCodes.reason(413)).isEqualTo("Payload Too Large");
        assertThat(StatusCodes.reason(416)).isEqualTo("Range Not Satisfiable");
        assertThat(StatusCodes.reason(509)).isEqualTo("Bandwidth Limit Exceeded");
    }

    @Test
    void unregisteredCodesHaveNoPhrase() {
        assertThat(StatusCodes.reason(299)).isNull();
        assertThat(StatusCodes.reason(306)).isNull();
        assertThat(StatusCodes.reason(420)).isNull();
        assertThat(StatusCodes.reason(999)).isNull();
    }

    @Test
    void statusLineFallsBackToUnknown() {
        assertThat(StatusCodes.reasonOrUnknown(299)).isEqualTo("unknown");
        assertThat(StatusCodes.reasonOrUnknown(204)).isEqualTo("No Content");
        assertThat(StatusCodes.reasonOrUnknown(418)).isEqualTo("I'm a Teapot");
    }
}
