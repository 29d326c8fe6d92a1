package io.express4j;

import static io.express4j.support.Requests.get;
import static io.express4j.support.Requests.head;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import org.junit.jupiter.api.Test;

/** Express's test/res.redirect.js and the /redirect captures of EXPRESS.md §9. */
class ResRedirectTest {

    private static App redirect(String url) {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.redirect(url));
        return app;
    }

    private static App redirect(int status, String url) {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.redirect(status, url));
        return app;
    }

    @Test
    void defaultsToA302() {
        RawResponse r = get(redirect("http://google.com"), "/");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo("http://google.com");
    }

    @Test
    void encodesTheUrl() {
        assertThat(get(redirect("https://google.com?q=\u2603 §10"), "/").header("Location"))
                .isEqualTo("https://google.com?q=%E2%98%83%20%C2%A710");
        assertThat(get(redirect("https://google.com?q=%A710"), "/").header("Location"))
                .isEqualTo("https://google.com?q=%A710");
    }

    @Test
    void setsTheGivenStatus() {
        RawResponse r = get(redirect(303, "http://google.com"), "/");
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("http://google.com");
    }

    @Test
    void headIgnoresTheBody() {
        RawResponse r = head(redirect("http://google.com"), "/");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo("http://google.com");
        assertThat(r.header("Content-Length")).isEqualTo("39");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void respondsWithHtml() {
        RawResponse r = get(redirect("http://google.com"), "/", "Accept", "text/html");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("Location")).isEqualTo("http://google.com");
        assertThat(r.text())
                .isEqualTo("<!DOCTYPE html><head><title>Found</title></head><body><p>Found. Redirecting to "
                        + "http://google.com</p></body>");
    }

    @Test
    void escapesTheUrlInHtml() {
        // Express's tests send "Host: http://example.com", which the server refuses as an invalid Host (RFC 9112
        // §3.2, see HttpFramingTest); the host plays no part in these answers.
        RawResponse r = get(redirect("<la'me>"), "/", "Host", "example.com", "Accept", "text/html");
        assertThat(r.header("Location")).isEqualTo("%3Cla'me%3E");
        assertThat(r.text())
                .isEqualTo("<!DOCTYPE html><head><title>Found</title></head><body><p>Found. Redirecting to "
                        + "%3Cla&#39;me%3E</p></body>");
    }

    @Test
    void doesNotRenderEvilJavascriptLinks() {
        String xss = "javascript:eval(document.body.innerHTML=`<p>XSS</p>`);";
        String encoded = "javascript:eval(document.body.innerHTML=%60%3Cp%3EXSS%3C/p%3E%60);";
        RawResponse r = get(redirect(xss), "/", "Host", "example.com", "Accept", "text/html");
        assertThat(r.header("Location")).isEqualTo(encoded);
        assertThat(r.text())
                .isEqualTo("<!DOCTYPE html><head><title>Found</title></head><body><p>Found. Redirecting to " + encoded
                        + "</p></body>");
    }

    @Test
    void includesTheRedirectTypeInHtml() {
        RawResponse r = get(redirect(301, "http://google.com"), "/", "Accept", "text/html");
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.text())
                .isEqualTo("<!DOCTYPE html><head><title>Moved Permanently</title></head><body><p>Moved "
                        + "Permanently. Redirecting to http://google.com</p></body>");
    }

    @Test
    void respondsWithText() {
        RawResponse r = get(redirect("http://google.com"), "/", "Accept", "text/plain, */*");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.text()).isEqualTo("Found. Redirecting to http://google.com");
    }

    @Test
    void encodesTheUrlInText() {
        RawResponse r = get(
                redirect("http://example.com/?param=<script>alert(\"hax\");</script>"),
                "/",
                "Host",
                "example.com",
                "Accept",
                "text/plain, */*");
        String encoded = "http://example.com/?param=%3Cscript%3Ealert(%22hax%22);%3C/script%3E";
        assertThat(r.header("Location")).isEqualTo(encoded);
        assertThat(r.text()).isEqualTo("Found. Redirecting to " + encoded);
    }

    @Test
    void includesTheRedirectTypeInText() {
        RawResponse r = get(redirect(301, "http://google.com"), "/", "Accept", "text/plain, */*");
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.text()).isEqualTo("Moved Permanently. Redirecting to http://google.com");
    }

    @Test
    void emptyBodyWhenNeitherTextNorHtmlIsAccepted() {
        RawResponse r = get(redirect("http://google.com"), "/", "Accept", "application/octet-stream");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo("http://google.com");
        assertThat(r.header("Content-Length")).isEqualTo("0");
        assertThat(r.hasHeader("Content-Type")).isFalse();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void matchesTheOracleCaptures() {
        App app = Express.app();
        app.get("/redirect", (req, res) -> res.redirect("/target path?q=ä"));
        app.get("/redirect/301", (req, res) -> res.redirect(301, "http://example.com/"));
        RawResponse text = get(app, "/redirect");
        assertThat(text.headerNames()).containsSubsequence("Location", "Vary", "Content-Type", "Content-Length");
        assertThat(text.header("Location")).isEqualTo("/target%20path?q=%C3%A4");
        assertThat(text.header("Vary")).isEqualTo("Accept");
        assertThat(text.header("Content-Length")).isEqualTo("45");
        assertThat(text.hasHeader("ETag")).isFalse();
        assertThat(text.text()).isEqualTo("Found. Redirecting to /target%20path?q=%C3%A4");
        RawResponse html = get(app, "/redirect", "Accept", "text/html");
        assertThat(html.header("Content-Length")).isEqualTo("113");
        assertThat(html.text())
                .isEqualTo("<!DOCTYPE html><head><title>Found</title></head><body><p>Found. Redirecting"
                        + " to /target%20path?q=%C3%A4</p></body>");
        RawResponse json = get(app, "/redirect", "Accept", "application/json");
        assertThat(json.header("Vary")).isEqualTo("Accept");
        assertThat(json.hasHeader("Content-Type")).isFalse();
        assertThat(json.header("Content-Length")).isEqualTo("0");
        RawResponse moved = head(app, "/redirect/301");
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.reason()).isEqualTo("Moved Permanently");
        assertThat(moved.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(moved.header("Content-Length")).isEqualTo("53");
        assertThat(moved.body()).isEmpty();
    }

    @Test
    void aStatusWithoutReasonPhraseSaysUndefined() {
        // checked against Express 5.3.0: statuses has no message for 399
        RawResponse r = get(redirect(399, "/x"), "/");
        assertThat(r.status()).isEqualTo(399);
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.text()).isEqualTo("undefined. Redirecting to /x");
    }
}
