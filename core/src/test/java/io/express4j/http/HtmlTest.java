package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** escape-html 1.0.3 and finalhandler 2.1.1 createHtmlDocument, checked against Node 20. */
class HtmlTest {

    private static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void escapesTheFiveHtmlSpecials() {
        assertThat(Html.escape("foo <bar> & \"baz\" 'qux' &amp;"))
                .isEqualTo("foo &lt;bar&gt; &amp; &quot;baz&quot; &#39;qux&#39; &amp;amp;");
        assertThat(Html.escape("<script>alert(\"x\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
        assertThat(Html.escape("'")).isEqualTo("&#39;");
        assertThat(Html.escape("a&")).isEqualTo("a&amp;");
    }

    @Test
    void leavesOtherTextAlone() {
        String plain = "plain text / with = other ; chars \u00e9\u2603";
        assertThat(Html.escape(plain)).isSameAs(plain);
        assertThat(Html.escape("")).isEqualTo("");
    }

    @Test
    void errorDocumentIsFinalhandlersPage() {
        assertThat(Html.errorDocument("Cannot GET /nope"))
                .isEqualTo("<!DOCTYPE html>\n"
                        + "<html lang=\"en\">\n"
                        + "<head>\n"
                        + "<meta charset=\"utf-8\">\n"
                        + "<title>Error</title>\n"
                        + "</head>\n"
                        + "<body>\n"
                        + "<pre>Cannot GET /nope</pre>\n"
                        + "</body>\n"
                        + "</html>\n");
    }

    @Test
    void errorDocumentLengthsMatchOracleCaptures() {
        assertThat(byteLength(Html.errorDocument("Cannot GET /nope"))).isEqualTo(143);
        assertThat(byteLength(Html.errorDocument("Not Found"))).isEqualTo(136);
        assertThat(byteLength(Html.errorDocument("I'm a Teapot"))).isEqualTo(143);
        assertThat(byteLength(Html.errorDocument("Cannot GET /nope/%3Cpath%3E")))
                .isEqualTo(154);
        // (the ENOENT capture's 218 is for the unredacted path, so it cannot be checked here)
    }

    @Test
    void errorDocumentEscapesBeforeFormatting() {
        assertThat(Html.errorDocument("I'm a Teapot")).contains("<pre>I&#39;m a Teapot</pre>");
        assertThat(Html.errorDocument("Error: ENOENT: no such file or directory, stat '<root>/files/nope.txt'"))
                .contains("<pre>Error: ENOENT: no such file or directory, stat"
                        + " &#39;&lt;root&gt;/files/nope.txt&#39;</pre>");
    }

    @Test
    void newlinesAndDoubleSpacesAreMadeVisible() {
        assertThat(Html.errorDocument("Error: x\n    at foo (a.js:1:2)\n    at bar"))
                .contains("<pre>Error: x<br> &nbsp; &nbsp;at foo (a.js:1:2)<br> &nbsp; &nbsp;at bar</pre>");
        assertThat(Html.errorDocument("a   b")).contains("<pre>a &nbsp; b</pre>");
        assertThat(Html.errorDocument("     ")).contains("<pre> &nbsp; &nbsp; </pre>");
        assertThat(Html.errorDocument("tab\there")).contains("<pre>tab\there</pre>");
        assertThat(Html.errorDocument("\n\n")).contains("<pre><br><br></pre>");
    }
}
