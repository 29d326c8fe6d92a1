package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import org.junit.jupiter.api.Test;

/** Express 5's test/res.type.js. */
class ResTypeTest {

    private static String contentType(String type, String body) {
        App app = Express.app();
        app.use((req, res) -> res.type(type).end(body));
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo(body);
        return r.header("Content-Type");
    }

    @Test
    void setsTheContentTypeFromAFilename() {
        assertThat(contentType("foo.js", "var name = \"tj\";")).isEqualTo("text/javascript; charset=utf-8");
    }

    @Test
    void defaultsToOctetStream() {
        assertThat(contentType("rawr", "var name = \"tj\";")).isEqualTo("application/octet-stream");
    }

    @Test
    void takesATypeAsGiven() {
        assertThat(contentType("application/vnd.amazon.ebook", "var name = \"tj\";"))
                .isEqualTo("application/vnd.amazon.ebook");
    }

    @Test
    void handlesTheEmptyString() {
        assertThat(contentType("", "test")).isEqualTo("application/octet-stream");
    }

    @Test
    void handlesAnExtensionWithADot() {
        assertThat(contentType(".json", "{\"test\": true}")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void handlesSeveralExtensions() {
        assertThat(contentType("file.tar.gz", "compressed")).isEqualTo("application/gzip");
    }

    @Test
    void handlesUpperCaseExtensions() {
        assertThat(contentType("FILE.JSON", "{\"test\": true}")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void handlesSpecialCharactersInTheName() {
        assertThat(contentType("file@test.json", "{\"test\": true}")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void contentTypeIsAnAlias() {
        App app = Express.app();
        app.use((req, res) -> res.contentType("html").end());
        assertThat(once(app, "GET", "/").header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    }
}
