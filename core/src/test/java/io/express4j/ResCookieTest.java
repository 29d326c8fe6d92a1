package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Express's test/res.cookie.js and the /cookie capture of EXPRESS.md §9. Its cases that pass a non-numeric maxAge
 * or copy the options object have no Java equivalent (the types rule them out).
 */
class ResCookieTest {

    private static RawResponse run(Handler handler) {
        App app = Express.app();
        app.set("env", "test");
        app.use(handler);
        return get(app, "/");
    }

    @Test
    void generatesAJsonCookie() {
        RawResponse r =
                run((req, res) -> res.cookie("user", Map.of("name", "tobi")).end());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers("Set-Cookie")).containsExactly("user=j%3A%7B%22name%22%3A%22tobi%22%7D; Path=/");
    }

    @Test
    void setsACookie() {
        assertThat(run((req, res) -> res.cookie("name", "tobi").end()).headers("Set-Cookie"))
                .containsExactly("name=tobi; Path=/");
    }

    @Test
    void allowsMultipleCalls() {
        RawResponse r = run((req, res) -> {
            res.cookie("name", "tobi");
            res.cookie("age", 1);
            res.cookie("gender", "?");
            res.end();
        });
        assertThat(r.headers("Set-Cookie")).containsExactly("name=tobi; Path=/", "age=1; Path=/", "gender=%3F; Path=/");
    }

    @Test
    void setsParams() {
        RawResponse r = run((req, res) -> res.cookie(
                        "name", "tobi", new CookieOptions().httpOnly(true).secure(true))
                .end());
        assertThat(r.headers("Set-Cookie")).containsExactly("name=tobi; Path=/; HttpOnly; Secure");
    }

    @Test
    void throwsOnAnExpiresOutsideTheDateRange() {
        RawResponse r = run((req, res) -> res.cookie(
                        "name", "tobi", new CookieOptions().expires(Instant.ofEpochMilli(8_640_000_000_000_001L)))
                .end());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("option expires is invalid");
    }

    @Test
    void setsPartitioned() {
        assertThat(run((req, res) -> res.cookie("name", "tobi", new CookieOptions().partitioned(true))
                                .end())
                        .headers("Set-Cookie"))
                .containsExactly("name=tobi; Path=/; Partitioned");
    }

    @Test
    void maxAgeSetsARelativeExpiresAndMaxAge() {
        long before = System.currentTimeMillis() / 1000 * 1000;
        RawResponse r = run((req, res) ->
                res.cookie("name", "tobi", new CookieOptions().maxAge(1000)).end());
        String cookie = r.header("Set-Cookie");
        assertThat(cookie)
                .matches("name=tobi; Max-Age=1; Path=/; Expires=[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} "
                        + "\\d\\d:\\d\\d:\\d\\d GMT");
        long expires = java.time.ZonedDateTime.parse(
                        cookie.substring(cookie.indexOf("Expires=") + 8),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant()
                .toEpochMilli();
        assertThat(expires).isBetween(before + 1000, System.currentTimeMillis() + 1000);
    }

    @Test
    void setsPriority() {
        assertThat(run((req, res) -> res.cookie("name", "tobi", new CookieOptions().priority("low"))
                                .end())
                        .header("Set-Cookie"))
                .isEqualTo("name=tobi; Path=/; Priority=Low");
        assertThat(run((req, res) -> res.cookie("name", "tobi", new CookieOptions().priority("medium"))
                                .end())
                        .header("Set-Cookie"))
                .isEqualTo("name=tobi; Path=/; Priority=Medium");
        assertThat(run((req, res) -> res.cookie("name", "tobi", new CookieOptions().priority("high"))
                                .end())
                        .header("Set-Cookie"))
                .isEqualTo("name=tobi; Path=/; Priority=High");
    }

    @Test
    void throwsWithAnInvalidPriority() {
        RawResponse r = run((req, res) -> res.cookie("name", "tobi", new CookieOptions().priority("foobar"))
                .end());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("option priority is invalid");
    }

    @Test
    void generatesASignedJsonCookie() {
        App app = Express.app();
        app.use(Express.cookieParser("foo bar baz"));
        app.use((Handler) (req, res) -> res.cookie("user", Map.of("name", "tobi"), new CookieOptions().signed(true))
                .end());
        assertThat(get(app, "/").headers("Set-Cookie"))
                .containsExactly(
                        "user=s%3Aj%3A%7B%22name%22%3A%22tobi%22%7D.K20xcwmDS%2BPb1rsD95o5Jm5SqWs1KteqdnynnB7jkTE; Path=/");
    }

    @Test
    void signedWithoutASecretThrows() {
        App app = Express.app();
        app.set("env", "test");
        app.use(Express.cookieParser());
        app.use((Handler) (req, res) ->
                res.cookie("name", "tobi", new CookieOptions().signed(true)).end());
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("cookieParser(&quot;secret&quot;) required for signed cookies");
    }

    @Test
    void setsASignedCookie() {
        App app = Express.app();
        app.use(Express.cookieParser("foo bar baz"));
        app.use((Handler) (req, res) ->
                res.cookie("name", "tobi", new CookieOptions().signed(true)).end());
        assertThat(get(app, "/").headers("Set-Cookie"))
                .containsExactly("name=s%3Atobi.xJjV2iZ6EI7C8E5kzwbfA9PVLl1ZR07UTnuTgQQ4EnQ; Path=/");
    }

    @Test
    void everyOtherOption() {
        RawResponse r = run((req, res) -> res.cookie(
                        "sid",
                        "a b",
                        new CookieOptions()
                                .domain("example.com")
                                .path("/admin")
                                .expires(Instant.parse("2030-01-02T03:04:05Z"))
                                .sameSite(true)
                                .encode(v -> v.replace(' ', '+')))
                .end());
        assertThat(r.header("Set-Cookie"))
                .isEqualTo("sid=a+b; Domain=example.com; Path=/admin; Expires=Wed, 02 Jan 2030 03:04:05 GMT; "
                        + "SameSite=Strict");
        assertThat(run((req, res) -> res.cookie(
                                        "n",
                                        "v",
                                        new CookieOptions().sameSite("none").secure(true))
                                .end())
                        .header("Set-Cookie"))
                .isEqualTo("n=v; Path=/; Secure; SameSite=None");
    }

    @Test
    void matchesTheOracleCapture() {
        App app = Express.app();
        app.get("/cookie", (req, res) -> {
            res.cookie(
                    "name",
                    "tobi",
                    new CookieOptions().httpOnly(true).maxAge(60000).sameSite("lax"));
            res.cookie("obj", Map.of("a", 1));
            res.clearCookie("old");
            res.send("cookies");
        });
        RawResponse r = get(app, "/cookie");
        List<String> cookies = r.headers("Set-Cookie");
        assertThat(cookies).hasSize(3);
        assertThat(cookies.get(0)).matches("name=tobi; Max-Age=60; Path=/; Expires=.+ GMT; HttpOnly; SameSite=Lax");
        assertThat(cookies.get(1)).isEqualTo("obj=j%3A%7B%22a%22%3A1%7D; Path=/");
        assertThat(cookies.get(2)).isEqualTo("old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(r.header("ETag")).isEqualTo("W/\"7-0r01SWfW2l1oyVQMkKY1LpJ8iMY\"");
        assertThat(r.text()).isEqualTo("cookies");
    }
}
