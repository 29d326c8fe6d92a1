package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Express 5's test/res.append.js. Its fifth case ("should work together with res.cookie") needs res.cookie, which
 * is not part of this response yet.
 */
class ResAppendTest {

    @Test
    void appendsSeveralHeaders() {
        App app = Express.app();
        app.use((req, res, next) -> {
            res.append("Set-Cookie", "foo=bar");
            next.run();
        });
        app.use((req, res) -> {
            res.append("Set-Cookie", "fizz=buzz");
            res.end();
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers("Set-Cookie")).containsExactly("foo=bar", "fizz=buzz");
    }

    @Test
    void acceptsAListOfValues() {
        App app = Express.app();
        app.use((req, res) -> {
            res.append("Set-Cookie", List.of("foo=bar", "fizz=buzz"));
            res.end();
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers("Set-Cookie")).containsExactly("foo=bar", "fizz=buzz");
    }

    @Test
    void isResetBySet() {
        App app = Express.app();
        app.use((req, res, next) -> {
            res.append("Set-Cookie", "foo=bar");
            res.append("Set-Cookie", "fizz=buzz");
            next.run();
        });
        app.use((req, res) -> {
            res.set("Set-Cookie", "pet=tobi");
            res.end();
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers("Set-Cookie")).containsExactly("pet=tobi");
    }

    @Test
    void worksWithSetFirst() {
        App app = Express.app();
        app.use((req, res, next) -> {
            res.set("Set-Cookie", "foo=bar");
            next.run();
        });
        app.use((req, res) -> {
            res.append("Set-Cookie", "fizz=buzz");
            res.end();
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers("Set-Cookie")).containsExactly("foo=bar", "fizz=buzz");
    }

    /** Oracle: an empty previous value is falsy in Express, so the append replaces it. */
    @Test
    void anEmptyPreviousValueIsReplaced() {
        App app = Express.app();
        app.use((req, res) -> {
            res.set("X-A", "");
            res.append("X-A", "b");
            res.end(res.get("X-A"));
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.headers("X-A")).containsExactly("b");
        assertThat(r.text()).isEqualTo("b");
    }

    @Test
    void isChainableAndKeepsThePlaceOfTheHeader() {
        App app = Express.app();
        app.use((req, res) -> {
            res.append("Link", "<a>").set("X-Other", "1").append("Link", "<b>").end();
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.headerNames()).containsSubsequence("X-Powered-By", "Link", "Link", "X-Other", "Date");
        assertThat(r.headers("Link")).containsExactly("<a>", "<b>");
    }
}
