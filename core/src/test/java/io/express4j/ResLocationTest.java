package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Express's test/res.location.js (the string cases; Java has no non-string input to coerce). */
class ResLocationTest {

    private static RawResponse location(String url) {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.location(url).end());
        return get(app, "/");
    }

    @Test
    void setsTheHeader() {
        RawResponse r = location("http://google.com/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Location")).isEqualTo("http://google.com/");
        assertThat(location("http://google.com").header("Location")).isEqualTo("http://google.com");
    }

    @Test
    void encodesTheUrl() {
        assertThat(location("https://google.com?q=\u2603 §10").header("Location"))
                .isEqualTo("https://google.com?q=%E2%98%83%20%C2%A710");
    }

    @Test
    void encodesADataUri() {
        assertThat(location("data:text/javascript,export default () => { }").header("Location"))
                .isEqualTo("data:text/javascript,export%20default%20()%20=%3E%20%7B%20%7D");
    }

    @Test
    void emptyString() {
        assertThat(location("").header("Location")).isEqualTo("");
    }

    @Test
    void backIsLiteralInExpress5() {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.location("back").end());
        assertThat(get(app, "/", "Referer", "http://example.com/from").header("Location"))
                .isEqualTo("back");
    }

    /** The "location header encoding" block: the URL arrives in ?q= and is echoed into Location. */
    private static void echoes(String input, String expected) {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.location(req.query("q")).end());
        RawResponse r = get(
                app, "/?q=" + URLEncoder.encode(input, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Location")).isEqualTo(expected);
    }

    @Test
    void locationHeaderEncoding() {
        echoes("https://google.com?q=%A710", "https://google.com?q=%A710");
        echoes("/foo/bar", "/foo/bar");
        echoes("http://google.com\\@apple.com", "http://google.com\\@apple.com");
        echoes("HTTP://google.com\\@apple.com", "HTTP://google.com\\@apple.com");
        echoes("https://google.com\\@apple.com", "https://google.com\\@apple.com");
        echoes("//google.com\\@apple.com/", "//google.com\\@apple.com/");
        echoes("https://google.com/foo\\bar\\baz", "https://google.com/foo\\bar\\baz");
        echoes("http://google.com\\@apple.com/%0d%0afoo:%20bar", "http://google.com\\@apple.com/%0d%0afoo:%20bar");
        echoes("/%e2%98%83", "/%e2%98%83");
        echoes("http://google.com\\@apple.com/%e2%98%83", "http://google.com\\@apple.com/%e2%98%83");
        echoes("https://google.com'.bb.com/1.html", "https://google.com'.bb.com/1.html");
        echoes("file:///etc\\passwd", "file:///etc\\passwd");
    }
}
