package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public {@link CookieSignature}, against npm cookie-signature 1.2.2 (values printed by it); the algorithm's
 * own cases are in {@code io.express4j.http.CookieSignatureTest}.
 */
class CookieSignatureTest {

    @Test
    void signsAndUnsignsAsCookieSignatureDoes() {
        String signed = CookieSignature.sign("s:ünïcode", "k€y");
        assertThat(signed).isEqualTo("s:ünïcode./gR9/fovaYTTjBQBsVi0tdrXUxu8KWwV6Zh/2Gt3TXg");
        assertThat(CookieSignature.unsign(signed, "k€y")).isEqualTo("s:ünïcode");
        assertThat(CookieSignature.unsign(signed, "luna")).isNull();
    }

    @Test
    void aCookieSignedByHandReadsBackThroughSignedCookies() {
        App app = Express.app();
        app.use(Express.cookieParser("tobiiscool"));
        app.get("/", (req, res) -> res.json(req.signedCookies()));
        String cookie = "s:" + CookieSignature.sign("hello", "tobiiscool");
        var r = TestServer.once(
                app, "GET", "/", Map.of("Cookie", "name=" + URLEncoder.encode(cookie, StandardCharsets.UTF_8)));
        assertThat(r.text()).isEqualTo("{\"name\":\"hello\"}");
    }
}
