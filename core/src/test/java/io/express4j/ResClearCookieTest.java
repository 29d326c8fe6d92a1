package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Express's test/res.clearCookie.js: Express 5 forces the epoch expiry and drops maxAge. */
class ResClearCookieTest {

    private static String clear(Handler handler) {
        App app = Express.app();
        app.use(handler);
        return String.join("\n", get(app, "/").headers("Set-Cookie"));
    }

    @Test
    void setsACookiePastExpiry() {
        assertThat(clear((req, res) -> res.clearCookie("sid").end()))
                .isEqualTo("sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void setsTheGivenParams() {
        assertThat(clear((req, res) -> res.clearCookie("sid", new CookieOptions().path("/admin"))
                        .end()))
                .isEqualTo("sid=; Path=/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void ignoresMaxAge() {
        assertThat(clear((req, res) -> res.clearCookie(
                                "sid", new CookieOptions().path("/admin").maxAge(1000))
                        .end()))
                .isEqualTo("sid=; Path=/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void ignoresAUserSuppliedExpires() {
        assertThat(clear((req, res) -> res.clearCookie(
                                "sid", new CookieOptions().path("/admin").expires(Instant.now()))
                        .end()))
                .isEqualTo("sid=; Path=/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }
}
