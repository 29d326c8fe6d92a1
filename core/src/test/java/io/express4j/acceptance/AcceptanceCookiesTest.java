package io.express4j.acceptance;

import static io.express4j.support.Requests.get;
import static io.express4j.support.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.CookieOptions;
import io.express4j.Express;
import io.express4j.support.RawResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/acceptance/cookies.js against a port of examples/cookies. */
class AcceptanceCookiesTest {

    static App example() {
        App app = Express.app();
        app.use(Express.cookieParser("my secret here"));
        app.use(Express.urlencoded());
        app.get("/", (req, res) -> {
            if (req.cookies().get("remember") != null) {
                res.send("Remembered :). Click to <a href=\"/forget\">forget</a>!.");
            } else {
                res.send("<form method=\"post\"><p>Check to <label>"
                        + "<input type=\"checkbox\" name=\"remember\"/> remember me</label> "
                        + "<input type=\"submit\" value=\"Submit\"/>.</p></form>");
            }
        });
        app.get("/forget", (req, res) -> {
            res.clearCookie("remember");
            String back = req.get("Referrer");
            res.redirect(back != null ? back : "/");
        });
        app.post("/", (req, res) -> {
            if (req.body() instanceof Map<?, ?> body && body.get("remember") != null) {
                res.cookie("remember", 1, new CookieOptions().maxAge(60000));
            }
            String back = req.get("Referrer");
            res.redirect(back != null ? back : "/");
        });
        return app;
    }

    private static RawResponse remember() {
        return request(example(), "POST", "/", "remember=1", "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void getHasAForm() {
        assertThat(get(example(), "/").text()).contains("<form");
    }

    @Test
    void getRespondsWithNoCookies() {
        RawResponse r = get(example(), "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Set-Cookie")).isFalse();
    }

    @Test
    void getRespondsToTheCookie() {
        RawResponse post = remember();
        assertThat(post.status()).isEqualTo(302);
        String cookie = post.headers("Set-Cookie").get(0);
        RawResponse r = get(example(), "/", "Cookie", cookie);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("Remembered");
    }

    @Test
    void forgetClearsTheCookie() {
        String cookie = remember().headers("Set-Cookie").get(0);
        RawResponse r = get(example(), "/forget", "Cookie", cookie);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Set-Cookie")).startsWith("remember=;");
    }

    @Test
    void postSetsACookie() {
        RawResponse r = remember();
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Set-Cookie")).startsWith("remember=1; Max-Age=60; Path=/; Expires=");
    }

    @Test
    void postWithoutReminderSetsNoCookie() {
        RawResponse r = request(example(), "POST", "/", "{}", "Content-Type", "application/json");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.hasHeader("Set-Cookie")).isFalse();
    }
}
