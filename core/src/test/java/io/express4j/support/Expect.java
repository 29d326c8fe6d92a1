package io.express4j.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** supertest's {@code .expect(status, body)} and the exact pages of Express's final handler. */
public final class Expect {
    private Expect() {}

    /** finalhandler's HTML document around an (already escaped) message. */
    public static String errorDocument(String escapedMessage) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n"
                + "</head>\n<body>\n<pre>" + escapedMessage + "</pre>\n</body>\n</html>\n";
    }

    /** The response for a failure message, cut short (error pages carry long stack traces). */
    static String shown(RawResponse r) {
        String s = r.toString();
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }

    /** Status and exact body text. */
    public static void expect(RawResponse r, int status, String body) {
        assertThat(r.status()).as("status of\n%s", shown(r)).isEqualTo(status);
        assertThat(r.text()).as("body").isEqualTo(body);
    }

    /** A body sent by {@code res.send(String)}: status, text/html, exact Content-Length and body. */
    public static void expectSent(RawResponse r, int status, String body) {
        expect(r, status, body);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("Content-Length"))
                .isEqualTo(Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
    }

    /** The final handler's 404 page: {@code Cannot METHOD /path}, with its fixed headers. */
    public static void expectNotFound(RawResponse r, String method, String encodedPath) {
        String page = errorDocument("Cannot " + method + " " + encodedPath);
        assertThat(r.status()).as("status of\n%s", shown(r)).isEqualTo(404);
        assertThat(r.reason()).isEqualTo("Not Found");
        assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        if (method.equals("HEAD")) {
            assertThat(r.body()).isEmpty();
        } else {
            assertThat(r.text()).isEqualTo(page);
        }
        assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(page.length()));
    }

    /**
     * The final handler's error page outside production: the status, and a {@code <pre>} starting with the
     * error's first stack line (e.g. {@code java.lang.IllegalStateException: boom!}).
     */
    public static void expectErrorPage(RawResponse r, int status, String firstLine) {
        assertThat(r.status()).as("status of\n%s", shown(r)).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'");
        assertThat(r.text())
                .startsWith(errorDocument("").substring(0, errorDocument("").indexOf("</pre>")) + firstLine + "<br>");
        assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(r.body().length));
    }
}
