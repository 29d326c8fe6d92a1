package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/req.signedCookies.js, plus cookie-parser's behaviours that req.cookies/signedCookies expose. */
class ReqSignedCookiesTest {

    private static App app(String... secrets) {
        App app = Express.app();
        app.use(Express.cookieParser(secrets));
        app.use((req, res, next) -> {
            if (req.path().equals("/set")) {
                res.cookie("obj", Map.of("foo", "bar"), new CookieOptions().signed(true));
                res.end();
            } else if (req.path().equals("/plain")) {
                res.send(req.cookies());
            } else {
                res.send(req.signedCookies());
            }
        });
        return app;
    }

    @Test
    void returnsASignedJsonCookie() {
        App app = app("secret");
        RawResponse set = get(app, "/set");
        String cookie = set.header("Set-Cookie");
        assertThat(cookie).startsWith("obj=s%3Aj%3A%7B%22foo%22%3A%22bar%22%7D.");
        RawResponse r = get(app, "/", "Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("{\"obj\":{\"foo\":\"bar\"}}");
    }

    @Test
    void aTamperedSignatureIsFalseAndLeavesThePlainCookies() {
        App app = app("secret");
        String cookie = "obj=s%3Aj%3A%7B%22foo%22%3A%22bar%22%7D.bogus; name=tobi; data=j%3A%5B1%2C2%5D";
        assertThat(get(app, "/", "Cookie", cookie).text()).isEqualTo("{\"obj\":false}");
        assertThat(get(app, "/plain", "Cookie", cookie).text()).isEqualTo("{\"name\":\"tobi\",\"data\":[1,2]}");
    }

    @Test
    void verifiesWithAnyOfTheRotatedSecrets() {
        App signer = app("old");
        String cookie = get(signer, "/set").header("Set-Cookie");
        App rotated = app("new", "old");
        assertThat(get(rotated, "/", "Cookie", cookie.substring(0, cookie.indexOf(';')))
                        .text())
                .isEqualTo("{\"obj\":{\"foo\":\"bar\"}}");
    }

    @Test
    void emptyWithoutACookieParser() {
        App app = Express.app();
        app.use((req, res, next) -> res.json(Map.of("cookies", req.cookies(), "signed", req.signedCookies())));
        assertThat(get(app, "/", "Cookie", "a=b").text())
                .contains("\"cookies\":{}")
                .contains("\"signed\":{}");
    }
}
