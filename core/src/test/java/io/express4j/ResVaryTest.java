package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Express's test/res.vary.js. */
class ResVaryTest {

    private static RawResponse run(Handler handler) {
        App app = Express.app();
        app.set("env", "test");
        app.use(handler);
        return get(app, "/");
    }

    @Test
    void throwsWithNoArguments() {
        RawResponse r = run((req, res) -> {
            res.vary();
            res.end();
        });
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("field argument is required");
    }

    @Test
    void anEmptyListSetsNothing() {
        RawResponse r = run((req, res) -> {
            res.vary(List.of());
            res.end();
        });
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Vary")).isFalse();
    }

    @Test
    void aListSetsTheValues() {
        RawResponse r = run((req, res) -> {
            res.vary(List.of("Accept", "Accept-Language", "Accept-Encoding"));
            res.end();
        });
        assertThat(r.header("Vary")).isEqualTo("Accept, Accept-Language, Accept-Encoding");
    }

    @Test
    void aStringSetsTheValue() {
        RawResponse r = run((req, res) -> {
            res.vary("Accept");
            res.end();
        });
        assertThat(r.header("Vary")).isEqualTo("Accept");
    }

    @Test
    void doesNotAddAPresentValueAgain() {
        RawResponse r = run((req, res) -> {
            res.vary("Accept");
            res.vary("Accept-Encoding");
            res.vary("Accept-Encoding");
            res.vary("Accept-Encoding");
            res.vary("Accept");
            res.end();
        });
        assertThat(r.header("Vary")).isEqualTo("Accept, Accept-Encoding");
    }

    @Test
    void caseInsensitiveCommaListsAndStar() {
        assertThat(run((req, res) -> res.vary("Accept").vary("accept, Origin").end())
                        .header("Vary"))
                .isEqualTo("Accept, Origin");
        assertThat(run((req, res) -> res.vary("Accept").vary("*").vary("Origin").end())
                        .header("Vary"))
                .isEqualTo("*");
        assertThat(run((req, res) -> res.vary("Accept", "Origin").end()).header("Vary"))
                .isEqualTo("Accept, Origin");
    }
}
