package io.express4j.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registration-time behaviour: syntax errors (messages checked against path-to-regexp 8.4.2) and keys. */
class PathSyntaxTest {

    private static final String INFO = "; visit https://git.new/pathToRegexpError for info";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = "=>",
            quoteCharacter = '`',
            value = {
                "/foo? => Unexpected ? at index 4",
                "/:id? => Unexpected ? at index 4",
                "/(a|b) => Unexpected ( at index 1",
                "/user/:id+ => Unexpected + at index 9",
                "/user/:id(\\d+) => Unexpected ( at index 9",
                "/foo/) => Unexpected ) at index 5",
                "/foo/[ => Unexpected [ at index 5",
                "/foo/] => Unexpected ] at index 5",
                "/foo/! => Unexpected ! at index 5",
                "/a} => Unexpected } at index 2",
                "/* => Missing parameter name at index 2",
                "/wild/* => Missing parameter name at index 7",
                "/: => Missing parameter name at index 2",
                "/:/ => Missing parameter name at index 2",
                "/:- => Missing parameter name at index 2",
                "/:1 => Missing parameter name at index 2",
                "`/:\"\"` => Missing parameter name at index 4",
                "`/:\"abc` => Unterminated quote at index 2",
                "`/foo/:\"bar\\` => Unterminated quote at index 6",
                "/{a => Unexpected end at index 3, expected }",
                "/{:foo/{x,y} => Unexpected end at index 12, expected }",
                "/foo\\ => Unexpected end after \\ at index 5",
                "/foo/{bar\\ => Unexpected end after \\ at index 10",
                "/:a:b => Missing text before \"b\" param",
                "/*a*b => Missing text before \"b\" wildcard",
                "/:a{:b} => Missing text before \"b\" param",
            })
    void rejectsLikePathToRegexp(String path, String reason) {
        assertThatThrownBy(() -> PathPattern.compile(path, true, false, true))
                .isInstanceOfSatisfying(PathSyntaxException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.originalPath()).isEqualTo(path);
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason + ": " + path + INFO);
    }

    @Test
    void indicesCountCodePoints() {
        assertThatThrownBy(() -> PathPattern.compile("/\ud83d\ude00?", true, false, false))
                .hasMessage("Unexpected ? at index 2: /\ud83d\ude00?" + INFO);
    }

    @Test
    void nonStrictErrorsReportTheLoosenedPath() {
        // the router strips trailing slashes before handing the path to path-to-regexp
        assertThatThrownBy(() -> PathPattern.compile("/foo?//", true, false, false))
                .hasMessage("Unexpected ? at index 4: /foo?" + INFO);
        assertThatThrownBy(() -> PathPattern.compile("/foo?//", true, false, true))
                .hasMessage("Unexpected ? at index 4: /foo?//" + INFO);
        // an escaped trailing slash loses its slash and leaves a dangling backslash
        assertThatThrownBy(() -> PathPattern.compile("/foo/\\/", false, false, false))
                .hasMessage("Unexpected end after \\ at index 6: /foo/\\" + INFO);
        assertThat(PathPattern.compile("/foo/\\/", true, false, true).match("/foo//"))
                .isNotNull();
    }

    @Test
    void combinationLimitIs256() {
        assertThat(PathPattern.compile("{/x}".repeat(8), true, false, false).match("/x/x/x"))
                .isNotNull();
        assertThatThrownBy(() -> PathPattern.compile("{/x}".repeat(9), true, false, false))
                .hasMessage("Too many path combinations: " + "{/x}".repeat(9) + INFO);
    }

    @Test
    void arrayReportsTheFirstBadElement() {
        assertThatThrownBy(() -> PathPattern.compile(List.of("/ok", "/bad?"), true, false, false))
                .isInstanceOf(PathSyntaxException.class)
                .hasMessage("Unexpected ? at index 4: /bad?" + INFO);
    }

    @Test
    void validSyntax() {
        assertThat(PathPattern.compile("/:\"weird name\"", true, false, false).keys())
                .containsExactly("weird name");
        assertThat(PathPattern.compile("/:\"1\\\"\\2\\\"3\"", true, false, false)
                        .keys())
                .containsExactly("1\"2\"3");
        assertThat(PathPattern.compile("/:caf\u00e9/:$a/:_b/:a$1", true, false, false)
                        .keys())
                .containsExactly("caf\u00e9", "$a", "_b", "a$1");
        assertThat(PathPattern.compile("/\\(testing\\)", true, false, false).match("/(testing)"))
                .isNotNull();
        assertThat(PathPattern.compile("/.\\+\\*\\?\\{\\}=^\\!\\:$\\[\\]\\|", true, false, false)
                        .match("/.+*?{}=^!:$[]|"))
                .isNotNull();
    }

    @Test
    void keysAreDistinctAndInDeclarationOrder() {
        assertThat(PathPattern.compile("/users/:id{/:format}", true, false, false)
                        .keys())
                .containsExactly("id", "format");
        assertThat(PathPattern.compile("/:a/:a", true, false, false).keys()).containsExactly("a");
        assertThat(PathPattern.compile("/files/*path", true, false, false).keys())
                .containsExactly("path");
        assertThat(PathPattern.compile("/static", true, false, false).keys()).isEmpty();
        assertThat(PathPattern.compile("/", false, false, false).keys()).isEmpty();
        assertThat(PathPattern.compile(List.of("/a/:x", List.of("/b/:y", "/c/:x")), true, false, false)
                        .keys())
                .containsExactly("x", "y");
        assertThat(PathPattern.compile(Pattern.compile("^/(?<first>\\w)(\\w)(?:x)(\\d)"), true, false, false)
                        .keys())
                .containsExactly("first", "0", "1");
    }

    @Test
    void compileObjectDispatches() {
        assertThat(PathPattern.compile((Object) "/a", true, false, false).path())
                .isEqualTo("/a");
        assertThat(PathPattern.compile((Object) List.of("/a", List.of("/b")), true, false, false)
                        .path())
                .isEqualTo(List.of("/a", "/b"));
        assertThatThrownBy(() -> PathPattern.compile((Object) 42, true, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.compile(List.of("/a", 42), true, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
