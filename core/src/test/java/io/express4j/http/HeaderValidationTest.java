package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Node 20 http.validateHeaderName / validateHeaderValue; messages taken from node 20.20.2. */
class HeaderValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"X-Foo", "content-type", "a", "!#$%&'*+-.^_`|~09AZaz", "Set-Cookie"})
    void acceptsTokens(String name) {
        assertThat(HeaderValidation.isToken(name)).isTrue();
        assertThatCode(() -> HeaderValidation.validateName(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad name", "", "X:Foo", "X-Foo\r\n", "(x)", "a,b", "\"q\"", "x/y", "\u00e9", "a@b"})
    void rejectsNonTokens(String name) {
        assertThat(HeaderValidation.isToken(name)).isFalse();
        assertThatThrownBy(() -> HeaderValidation.validateName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Header name must be a valid HTTP token [\"" + name + "\"]");
    }

    @Test
    void exactNameMessage() {
        assertThatThrownBy(() -> HeaderValidation.validateName("bad name"))
                .hasMessage("Header name must be a valid HTTP token [\"bad name\"]");
        assertThatThrownBy(() -> HeaderValidation.validateName(""))
                .hasMessage("Header name must be a valid HTTP token [\"\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/html", "a\tb", " ~ ", "\u0080\u00e9\u00ff", "W/\"x\""})
    void acceptsVisibleAsciiTabAndLatin1(String value) {
        assertThat(HeaderValidation.hasInvalidValueChar(value)).isFalse();
        assertThatCode(() -> HeaderValidation.validateValue("X-Foo", value)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nb", "a\nb", "a\rb", "\u0000", "\u001f", "\u007f", "\u0100", "\u2603"})
    void rejectsControlsDelAndWideChars(String value) {
        assertThat(HeaderValidation.hasInvalidValueChar(value)).isTrue();
        assertThatThrownBy(() -> HeaderValidation.validateValue("X-Foo", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid character in header content [\"X-Foo\"]");
    }

    @Test
    void missingValueUsesNodesUndefinedMessage() {
        assertThatThrownBy(() -> HeaderValidation.validateValue("X-Foo", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value \"undefined\" for header \"X-Foo\"");
    }

    @Test
    void tokenCharTable() {
        StringBuilder accepted = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            if (HeaderValidation.isTokenChar(c)) {
                accepted.append(c);
            }
        }
        assertThat(accepted.toString())
                .isEqualTo("!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~");
    }
}
