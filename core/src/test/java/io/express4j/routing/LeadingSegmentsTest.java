package io.express4j.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link PathPattern#leadingSegments()} and {@link PathPattern#segmentKey}: what a route index files a layer under. */
class LeadingSegmentsTest {

    static Set<List<String>> segments(String path, boolean end, boolean sensitive, boolean strict) {
        return PathPattern.compile(path, end, sensitive, strict).leadingSegments();
    }

    static Set<List<String>> route(String path) {
        return segments(path, true, false, false);
    }

    static Set<List<String>> one(String... keys) {
        return Set.of(List.of(keys));
    }

    @Test
    void literalPathsFileAllTheirSegmentsCaseFolded() {
        assertThat(route("/users")).isEqualTo(one("users"));
        assertThat(route("/Users/List")).isEqualTo(one("users", "list"));
        assertThat(route("/users/")).isEqualTo(one("users")); // loosened
        assertThat(segments("/users/", true, true, true)).isEqualTo(one("users", "")); // strict keeps the slash
        assertThat(segments("/API/v1", false, true, false)).isEqualTo(one("api", "v1"));
    }

    @Test
    void theSegmentsBeforeTheFirstParameterCount() {
        assertThat(route("/users/:id")).isEqualTo(one("users"));
        assertThat(route("/api/v1/resource7/:id")).isEqualTo(one("api", "v1", "resource7"));
        assertThat(route("/files/*path")).isEqualTo(one("files"));
        assertThat(route("/a\\:b/:id")).isEqualTo(one("a:b"));
        assertThat(route("/users/x-:id")).isEqualTo(one("users")); // a parameter inside a segment ends them
    }

    @Test
    void aParameterInTheFirstSegmentMeansAnyPath() {
        assertThat(route("/:id")).isEqualTo(one());
        assertThat(route("/*all")).isEqualTo(one());
        assertThat(route("/users:id")).isEqualTo(one());
        assertThat(route("/users-:id/x")).isEqualTo(one());
    }

    @Test
    void optionalGroupsFileEveryAlternative() {
        assertThat(route("{/en}/home")).isEqualTo(Set.of(List.of("en", "home"), List.of("home")));
        assertThat(route("/a{b}/c")).isEqualTo(Set.of(List.of("ab", "c"), List.of("a", "c")));
        assertThat(route("/users{/:id}")).isEqualTo(Set.of(List.of("users")));
        assertThat(route("{/:lang}/home")).isEqualTo(Set.of(List.of(), List.of("home")));
        assertThat(route("/p{/x{/:y}}/:z")).isEqualTo(Set.of(List.of("p", "x"), List.of("p")));
        assertThat(route("/{x}")).isEqualTo(Set.of(List.of("x"), List.of("")));
    }

    @Test
    void pathsNotStartingWithASlashMeanAnyPath() {
        assertThat(segments("", false, false, false)).isEqualTo(one());
        assertThat(route("users")).isEqualTo(one());
        assertThat(segments("/", false, false, false)).isEqualTo(one()); // use('/')
    }

    @Test
    void theRootAndEmptySegmentsHaveTheEmptyKey() {
        assertThat(route("/")).isEqualTo(one(""));
        assertThat(route("//x/:y")).isEqualTo(one("", "x"));
    }

    @Test
    void regularExpressionsMeanAnyPathAndArraysFileEachElement() {
        assertThat(PathPattern.compile(Pattern.compile("^/users"), true, false, false)
                        .leadingSegments())
                .isEqualTo(one());
        assertThat(PathPattern.compile(List.of("/a", "/b/:id"), true, false, false)
                        .leadingSegments())
                .isEqualTo(Set.of(List.of("a"), List.of("b")));
        assertThat(PathPattern.compile(List.of("/a", Pattern.compile("/b")), true, false, false)
                        .leadingSegments())
                .isEqualTo(Set.of(List.of("a"), List.of()));
        assertThat(PathPattern.compile(List.of(), true, false, false).leadingSegments())
                .isEmpty();
    }

    @Test
    void nonAsciiTextFoldsTheJavaScriptWay() {
        assertThat(route("/CAFÉ")).isEqualTo(one("cafÉ"));
        assertThat(PathPattern.segmentKey("/café", 1, 5)).isEqualTo("cafÉ");
        // ſ and the Kelvin sign are not s and k for a JavaScript /i regex, so their keys differ
        assertThat(PathPattern.segmentKey("\u017F", 0, 1)).isNotEqualTo("s");
        assertThat(PathPattern.segmentKey("\u212A", 0, 1)).isNotEqualTo("k");
    }

    @Test
    void aSegmentKeyLowerCasesAscii() {
        assertThat(PathPattern.segmentKey("/Users/42", 1, 6)).isEqualTo("users");
        assertThat(PathPattern.segmentKey("/a%2Fb/c", 1, 6)).isEqualTo("a%2fb");
        assertThat(PathPattern.segmentKey("/", 1, 1)).isEmpty();
    }
}
