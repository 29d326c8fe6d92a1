package io.express4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.App;
import io.express4j.Express;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * supertest's own suite (test/supertest.js, supertest 7.3.2), ported: the same apps, the same expectations and the
 * same failure messages; a failure message here goes on with the response, so each is checked by its first line.
 */
class TestClientTest {

    private static App hey() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("hey"));
        return app;
    }

    /** The first line of a failed expectation's message: supertest's message. */
    private static String firstLine(Throwable e) {
        return e.getMessage().lines().findFirst().orElse("");
    }

    @Test
    void servesTheAppWithoutAPort() {
        TestResponse res = TestClient.of(hey()).get("/").response();
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.text()).isEqualTo("hey");
    }

    @Test
    void worksWithSend() {
        App app = Express.app();
        app.use(Express.json());
        app.post("/", (req, res) -> res.send(((Map<?, ?>) req.body()).get("name")));
        TestClient.of(app).post("/").send(Map.of("name", "tobi")).expect("tobi");
    }

    @Test
    void worksWhenUnbuffered() {
        App app = Express.app();
        app.get("/", (req, res) -> res.end("Hello"));
        TestClient.of(app).get("/").expect("Hello");
    }

    @Test
    void doesNotFollowRedirects() {
        App app = Express.app();
        app.get("/", (req, res) -> res.redirect("/login"));
        TestClient.of(app).get("/").expect(302).expect("Location", "/login");
    }

    @Test
    void aDestroyedSocketIsAnError() {
        App app = Express.app();
        app.get("/", (req, res) -> {
            throw new IllegalStateException("boom");
        });
        app.get("/hang-up", (req, res) -> {
            res.write("partial");
            throw new IllegalStateException("after the head: the socket is destroyed");
        });
        TestClient client = TestClient.of(app);
        client.get("/").expect(500);
        assertThatThrownBy(() -> client.get("/hang-up").response()).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void expectStatusAssertsTheStatus() {
        assertThatThrownBy(() -> TestClient.of(hey()).get("/").expect(404))
                .isInstanceOf(AssertionError.class)
                .satisfies(e -> assertThat(firstLine(e)).isEqualTo("expected 404 \"Not Found\", got 200 \"OK\""));
    }

    @Test
    void expectStatusAssertsOnlyTheStatus() {
        TestClient.of(hey()).get("/").expect(200);
    }

    @Test
    void expectStatusAndBody() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("foo"));
        TestClient.of(app).get("/").expect(200, "foo");
    }

    @Test
    void anEmptyBodyArgumentDoesNotQuietlyPass() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("foo"));
        assertThatThrownBy(() -> TestClient.of(app).get("/").expect(200, ""))
                .satisfies(e -> assertThat(firstLine(e)).isEqualTo("expected '' response body, got 'foo'"));
    }

    private static App fooBar() {
        App app = Express.app();
        app.set("json spaces", 0);
        app.get("/", (req, res) -> res.send(Map.of("foo", "bar")));
        return app;
    }

    @Test
    void expectBodyAssertsTheBody() {
        assertThatThrownBy(() -> TestClient.of(fooBar()).get("/").expect("hey"))
                .satisfies(e ->
                        assertThat(firstLine(e)).isEqualTo("expected 'hey' response body, got '{\"foo\":\"bar\"}'"));
    }

    @Test
    void expectBodyAssertsTheText() {
        TestClient.of(fooBar()).get("/").expect("{\"foo\":\"bar\"}");
    }

    @Test
    void theParsedBodyIsJson() {
        TestClient.of(fooBar()).get("/").expect(r -> assertThat(r.json()).isEqualTo(Map.of("foo", "bar")));
    }

    @Test
    void expectBodySupportsRegularExpressions() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("foobar"));
        assertThatThrownBy(() -> TestClient.of(app).get("/").expect(Pattern.compile("^bar")))
                .satisfies(e -> assertThat(firstLine(e)).isEqualTo("expected body 'foobar' to match /^bar/"));
    }

    @Test
    void expectBodyMultipleTimes() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("hey tj"));
        TestRequest request = TestClient.of(app).get("/").expect(Pattern.compile("tj"));
        assertThatThrownBy(() -> request.expect("hey").expect("hey tj"))
                .satisfies(e -> assertThat(firstLine(e)).isEqualTo("expected 'hey' response body, got 'hey tj'"));
        request.expect(Pattern.compile("^hey")).expect("hey tj");
    }

    @Test
    void expectFieldAssertsPresence() {
        assertThatThrownBy(() -> TestClient.of(fooBar()).get("/").expect("Content-Foo", "bar"))
                .satisfies(e -> assertThat(firstLine(e)).isEqualTo("expected \"Content-Foo\" header field"));
    }

    @Test
    void expectFieldAssertsTheValue() {
        assertThatThrownBy(() -> TestClient.of(fooBar()).get("/").expect("Content-Type", "text/html"))
                .satisfies(e -> assertThat(firstLine(e))
                        .isEqualTo(
                                "expected \"Content-Type\" of \"text/html\", got \"application/json; charset=utf-8\""));
    }

    @Test
    void expectMultipleFields() {
        TestClient.of(hey())
                .get("/")
                .expect("Content-Type", "text/html; charset=utf-8")
                .expect("Content-Length", "3");
    }

    @Test
    void expectFieldSupportsRegularExpressions() {
        assertThatThrownBy(() -> TestClient.of(hey()).get("/").expect("Content-Type", Pattern.compile("^application")))
                .satisfies(e -> assertThat(firstLine(e))
                        .isEqualTo(
                                "expected \"Content-Type\" matching /^application/, got \"text/html; charset=utf-8\""));
    }

    @Test
    void arbitraryExpectFunctionsReportTheirErrors() {
        assertThatThrownBy(() -> TestClient.of(hey()).get("/").expect(r -> {
                    throw new AssertionError("failed");
                }))
                .hasMessage("failed");
    }

    @Test
    void arbitraryExpectFunctionsAllRunAndPlayWellWithTheOthers() {
        List<Integer> calls = new ArrayList<>();
        TestClient.of(hey())
                .get("/")
                .expect(r -> calls.add(0))
                .expect("Content-Type", Pattern.compile("html"))
                .expect(r -> calls.add(1))
                .expect("Content-Type", Pattern.compile("text"))
                .expect(r -> calls.add(2));
        assertThat(calls).containsExactly(0, 1, 2);
        assertThatThrownBy(() ->
                        TestClient.of(hey()).get("/").expect(r -> {}).expect("Content-Type", Pattern.compile("json")))
                .hasMessageContaining("Content-Type");
    }

    @Test
    void multipleAssertionsPerFieldFailOnTheOneThatFails() {
        TestRequest request = TestClient.of(hey()).get("/");
        request.expect("Content-Type", Pattern.compile("text")).expect("Content-Type", Pattern.compile("html"));
        assertThatThrownBy(() -> request.expect("Content-Type", Pattern.compile("bloop"))
                        .expect("Content-Type", Pattern.compile("html")))
                .satisfies(e -> assertThat(firstLine(e))
                        .isEqualTo("expected \"Content-Type\" matching /bloop/, got \"text/html; charset=utf-8\""));
    }

    @Test
    void aFailureShowsTheResponse() {
        App app = Express.app();
        app.get("/", (req, res) -> res.status(418).set("X-Why", "tea").send("x".repeat(5_000)));
        assertThatThrownBy(() -> TestClient.of(app).get("/").expect(200))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected 200 \"OK\", got 418 \"I'm a Teapot\"\n\nGET / answered:\n"
                        + "HTTP/1.1 418 I'm a Teapot\n")
                .hasMessageContaining("\nX-Why: tea\n")
                .hasMessageContaining("Content-Length: 5000\n")
                .hasMessageEndingWith("\n\n" + "x".repeat(1_000) + "… (4000 more)");
    }

    @Test
    void theAgentSavesAndSendsCookies() {
        App app = Express.app();
        app.use(Express.cookieParser());
        app.get("/", (req, res) -> {
            res.cookie("cookie", "hey");
            res.send();
        });
        app.get("/return", (req, res) -> {
            Object cookie = req.cookies().get("cookie");
            res.send(cookie != null ? cookie.toString() : ":(");
        });
        TestClient agent = TestClient.agent(app);
        agent.get("/").expect("set-cookie", "cookie=hey; Path=/");
        agent.get("/return").expect("hey");
        TestClient.of(app).get("/return").expect(":(");
    }

    @Test
    void aRequestIsSentOnce() {
        TestRequest request = TestClient.of(hey()).get("/");
        assertThat(request.response()).isSameAs(request.response());
        assertThatThrownBy(() -> request.set("X-Late", "1")).isInstanceOf(IllegalStateException.class);
    }
}
