package io.express4j.routing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PathPattern#firstSegments()} and {@link PathPattern#firstSegmentKey(String)}: what a route index files. */
class FirstSegmentTest {

    static Object segments(String path, boolean end, boolean sensitive, boolean strict) {
        return PathPattern.compile(path, end, sensitive, strict).firstSegments();
    }

    static Object route(String path) {
        return segments(path, true, false, false);
    }

    @Test
    void literalPathsFileTheirFirstSegmentLowerCased() {
        assertThat(route("/users")).isEqualTo(Set.of("users"));
        assertThat(route("/Users/List")).isEqualTo(Set.of("users"));
        assertThat(route("/users/")).isEqualTo(Set.of("users"));
        assertThat(segments("/users/", true, true, true)).isEqualTo(Set.of("users"));
        assertThat(segments("/API/v1", false, true, false)).isEqualTo(Set.of("api"));
    }

    @Test
    void aParameterAfterTheFirstSegmentKeepsIt() {
        assertThat(route("/users/:id")).isEqualTo(Set.of("users"));
        assertThat(route("/files/*path")).isEqualTo(Set.of("files"));
        assertThat(route("/a\\:b/:id")).isEqualTo(Set.of("a:b"));
    }

    @Test
    void aParameterInTheFirstSegmentOrBeforeItFilesNothing() {
        assertThat(route("/:id")).isNull();
        assertThat(route("/*all")).isNull();
        assertThat(route("/users:id")).isNull();
        assertThat(route("/users-:id/x")).isNull();
        assertThat(route("{/:lang}/home")).isNull();
        assertThat(route("/users{/:id}")).isEqualTo(Set.of("users"));
    }

    @Test
    void optionalGroupsFileEveryAlternative() {
        assertThat(route("{/en}/home")).isEqualTo(Set.of("en", "home"));
        assertThat(route("/a{b}/c")).isEqualTo(Set.of("ab", "a"));
        assertThat(route("/a{b}/:c")).isEqualTo(Set.of("ab", "a"));
        assertThat(route("/p{/x{/:y}}/:z")).isEqualTo(Set.of("p"));
        assertThat(route("{/x{/y}}/:z")).isNull();   // without the group: "/:z"
        assertThat(route("/{x}")).isEqualTo(Set.of("x", ""));
    }

    @Test
    void pathsNotStartingWithASlashFileNothing() {
        assertThat(segments("", false, false, false)).isNull();
        assertThat(route("users")).isNull();
        assertThat(PathPattern.compile("/", false, false, false).firstSegments()).isNull();   // use('/')
    }

    @Test
    void theRootAndEmptySegmentsHaveTheEmptyKey() {
        assertThat(route("/")).isEqualTo(Set.of(""));
        assertThat(route("//x/:y")).isEqualTo(Set.of(""));
    }

    @Test
    void regularExpressionsFileNothingAndArraysFileTheUnion() {
        assertThat(PathPattern.compile(Pattern.compile("^/users"), true, false, false).firstSegments()).isNull();
        assertThat(PathPattern.compile(List.of("/a", "/b/:id"), true, false, false).firstSegments())
                .isEqualTo(Set.of("a", "b"));
        assertThat(PathPattern.compile(List.of("/a", Pattern.compile("/b")), true, false, false).firstSegments())
                .isNull();
        assertThat(PathPattern.compile(List.of(), true, false, false).firstSegments()).isEmpty();
    }

    @Test
    void nonAsciiTextFoldsTheJavaScriptWay() {
        assertThat(route("/CAFÉ")).isEqualTo(Set.of("cafÉ"));
        assertThat(PathPattern.firstSegmentKey("/café")).isEqualTo("cafÉ");
        // ſ and the Kelvin sign are not s and k for a JavaScript /i regex, so their keys differ
        assertThat(PathPattern.firstSegmentKey("/\u017F")).isNotEqualTo("s");
        assertThat(PathPattern.firstSegmentKey("/\u212A")).isNotEqualTo("k");
    }

    @Test
    void aRequestPathKeyIsItsFirstSegment() {
        assertThat(PathPattern.firstSegmentKey("/Users/42")).isEqualTo("users");
        assertThat(PathPattern.firstSegmentKey("/users")).isEqualTo("users");
        assertThat(PathPattern.firstSegmentKey("/")).isEqualTo("");
        assertThat(PathPattern.firstSegmentKey("//users")).isEqualTo("");
        assertThat(PathPattern.firstSegmentKey("/a%2Fb/c")).isEqualTo("a%2fb");
        assertThat(PathPattern.firstSegmentKey("")).isNull();
        assertThat(PathPattern.firstSegmentKey("*")).isNull();
    }
}
