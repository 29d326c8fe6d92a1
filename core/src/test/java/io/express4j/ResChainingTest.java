package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Node's response methods inherited by Express's ({@code setHeader}, {@code writeHead}, …) chain into Express's
 * ({@code res.setHeader('X-A', '1').status(201).send('ok')} works in Express because Node returns {@code this}).
 * Here they return {@link Response}, so the same chains compile; the expected answers are Express 5.3.0's.
 */
class ResChainingTest {

    private static RawResponse get(Handler handler) {
        App app = Express.app();
        app.use(handler);
        return once(app, "GET", "/");
    }

    @Test
    void setHeaderChainsIntoStatusAndSend() {
        RawResponse r = get((req, res) -> res.setHeader("X-A", "1").status(201).send("ok"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.reason()).isEqualTo("Created");
        assertThat(r.headerNames())
                .containsSubsequence("X-Powered-By", "X-A", "Content-Type", "Content-Length", "ETag", "Date");
        assertThat(r.header("X-A")).isEqualTo("1");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("Content-Length")).isEqualTo("2");
        assertThat(r.header("ETag")).isEqualTo("W/\"2-eoX0dku9ba8cNUXvu/DyeabcC+s\"");
        assertThat(r.text()).isEqualTo("ok");
    }

    @Test
    void statusCodeAndRemoveHeaderChainIntoJson() {
        RawResponse r = get(
                (req, res) -> res.statusCode(202).removeHeader("X-Powered-By").json(Map.of("a", 1)));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.reason()).isEqualTo("Accepted");
        assertThat(r.hasHeader("X-Powered-By")).isFalse();
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.header("ETag")).isEqualTo("W/\"7-n4nHQM60bXQYySSnisV5QdXpZSA\"");
        assertThat(r.text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void writeHeadChainsIntoEnd() {
        RawResponse r =
                get((req, res) -> res.writeHead(200, "Fine", Map.of("X-B", "2")).end("x"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.reason()).isEqualTo("Fine");
        assertThat(r.header("X-B")).isEqualTo("2");
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.hasHeader("Content-Length")).isFalse();
        assertThat(r.text()).isEqualTo("x");
    }

    @Test
    void multiValueSetHeaderChainsIntoTypeAndSend() {
        RawResponse r = get((req, res) ->
                res.setHeader("X-List", List.of("a", "b")).type("txt").send("two"));
        assertThat(r.headers("X-List")).containsExactly("a", "b");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.header("ETag")).isEqualTo("W/\"3-rXguzax3D8brmmLkT5CHP7l/sms\"");
        assertThat(r.text()).isEqualTo("two");
    }

    @Test
    void statusMessageAndOneArgumentWriteHeadChain() {
        RawResponse r = get((req, res) -> {
            Response same = res.statusMessage("Quite Fine").writeHead(203);
            assertThat(same).isSameAs(res);
            same.end();
        });
        assertThat(r.status()).isEqualTo(203);
        assertThat(r.reason()).isEqualTo("Quite Fine");
        assertThat(r.text()).isEmpty();
    }

    @Test
    void twoArgumentWriteHeadChains() {
        RawResponse r = get((req, res) -> res.writeHead(200, Map.of("X-C", "3")).end("y"));
        assertThat(r.reason()).isEqualTo("OK");
        assertThat(r.header("X-C")).isEqualTo("3");
        assertThat(r.text()).isEqualTo("y");
    }
}
