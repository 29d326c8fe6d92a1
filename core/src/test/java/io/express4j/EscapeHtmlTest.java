package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Express#escapeHtml}, against npm escape-html 1.0.3 (the value printed by it). */
class EscapeHtmlTest {

    @Test
    void escapesTheFiveCharactersAsEscapeHtmlDoes() {
        assertThat(Express.escapeHtml("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }

    @Test
    void leavesTextWithoutThemAlone() {
        String plain = "nothing to escape";
        assertThat(Express.escapeHtml(plain)).isSameAs(plain);
    }
}
