package io.express4j.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Readable examples of the matching contract (the exhaustive table lives in PathPatternOracleTest). */
class PathMatchTest {

    private static PathPattern route(String path) {
        return PathPattern.compile(path, true, false, false);
    }

    private static PathPattern use(String path) {
        return PathPattern.compile(path, false, false, false);
    }

    @Test
    void routeParam() {
        PathPattern p = route("/users/:id");
        assertThat(p.match("/users/42").params()).containsExactly(entry("id", "42"));
        assertThat(p.match("/users/42").matchedPath()).isEqualTo("/users/42");
        assertThat(p.match("/users/42/").matchedPath()).isEqualTo("/users/42/");
        assertThat(p.match("/USERS/42").params()).containsExactly(entry("id", "42"));
        assertThat(p.match("/users/42//")).isNull();
        assertThat(p.match("/users/")).isNull();
        assertThat(p.match("/users/42/x")).isNull();
        assertThat(p.match(null)).isNull();

        assertThat(PathPattern.compile("/users/:id", true, false, true).match("/users/42/"))
                .isNull();
        assertThat(PathPattern.compile("/users/:id", true, true, false).match("/USERS/42"))
                .isNull();
        assertThat(PathPattern.compile("/users/:id", true, true, false)
                        .match("/users/ABC")
                        .params())
                .containsExactly(entry("id", "ABC"));
    }

    @Test
    void nonStrictRoutesIgnoreTrailingSlashesOfThePath() {
        PathPattern p = route("/users/:id/");
        assertThat(p.match("/users/42")).isNotNull();
        assertThat(p.match("/users/42/")).isNotNull();
        PathPattern strict = PathPattern.compile("/users/:id/", true, false, true);
        assertThat(strict.match("/users/42")).isNull();
        assertThat(strict.match("/users/42/")).isNotNull();
    }

    @Test
    void paramsAreDecoded() {
        PathPattern p = route("/users/:id");
        assertThat(p.match("/users/a%20b").params()).containsExactly(entry("id", "a b"));
        assertThat(p.match("/users/%E2%82%AC").params()).containsExactly(entry("id", "\u20ac"));
        assertThat(p.match("/users/%2F").params()).containsExactly(entry("id", "/"));
        assertThat(p.match("/users/a+b").params()).containsExactly(entry("id", "a+b"));
        assertThat(p.match("/users/\u65e5\u672c").params()).containsExactly(entry("id", "\u65e5\u672c"));
    }

    @Test
    void malformedEscapesAre400() {
        PathPattern p = route("/users/:id");
        for (String bad : List.of("%zz", "%", "%2", "%C3", "%C0%80", "%ED%A0%80", "%F4%90%80%80", "%FF")) {
            assertThatThrownBy(() -> p.match("/users/" + bad))
                    .isInstanceOfSatisfying(PathDecodeException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.value()).isEqualTo(bad);
                    })
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Failed to decode param '" + bad + "'");
        }
        // a non-matching path is never decoded
        assertThat(p.match("/other/%zz")).isNull();
        // wildcards report the failing segment
        assertThatThrownBy(() -> route("/files/*path").match("/files/a/%zz/c"))
                .hasMessage("Failed to decode param '%zz'");
    }

    @Test
    void wildcardsAreListsOfDecodedSegments() {
        assertThat(route("/files/*path").match("/files/a/b%20c/d").params())
                .containsExactly(entry("path", List.of("a", "b c", "d")));
        assertThat(route("/wild/*rest").match("/wild/a/b/c").params())
                .containsExactly(entry("rest", List.of("a", "b", "c")));
        assertThat(route("/wild/*rest").match("/wild/a//b").params())
                .containsExactly(entry("rest", List.of("a", "", "b")));
        // the greedy wildcard also takes the trailing slash, leaving an empty last segment
        assertThat(route("/wild/*rest").match("/wild/a/b/").params())
                .containsExactly(entry("rest", List.of("a", "b", "")));
        assertThat(route("/wild/*rest").match("/wild/")).isNull();
        assertThat(route("/wild/*rest").match("/wild")).isNull();
    }

    @Test
    void optionalGroups() {
        PathPattern format = route("/users/:id{/:format}");
        assertThat(format.match("/users/1").params()).containsExactly(entry("id", "1"));
        assertThat(format.match("/users/1/json").params()).containsExactly(entry("id", "1"), entry("format", "json"));

        PathPattern ext = route("/file{.:ext}");
        assertThat(ext.match("/file").params()).isEmpty();
        assertThat(ext.match("/file.txt").params()).containsExactly(entry("ext", "txt"));
        assertThat(ext.match("/file.tar.gz").params()).containsExactly(entry("ext", "tar.gz"));
        assertThat(ext.match("/file.")).isNull();

        PathPattern splat = route("/{*splat}");
        assertThat(splat.match("/").params()).isEmpty();
        assertThat(splat.match("")).isNull();
        assertThat(splat.match("/a/b").params()).containsExactly(entry("splat", List.of("a", "b")));
    }

    @Test
    void textBeforeAParamIsNotSwallowed() {
        PathPattern p = route("/:a-:b");
        assertThat(p.match("/a-b").params()).containsExactly(entry("a", "a"), entry("b", "b"));
        assertThat(p.match("/a-b-c").params()).containsExactly(entry("a", "a-b"), entry("b", "c"));
        assertThat(p.match("/a--b").params()).containsExactly(entry("a", "a-"), entry("b", "b"));
        assertThat(p.match("/---").params()).containsExactly(entry("a", "-"), entry("b", "-"));
        assertThat(p.match("/ab")).isNull();
        assertThat(route("/:test.:format").match("/route.html.json").params())
                .containsExactly(entry("test", "route.html"), entry("format", "json"));
    }

    @Test
    void useLayersMatchAPrefixAtASegmentBoundary() {
        PathPattern mw = use("/mw");
        assertThat(mw.match("/mw").matchedPath()).isEqualTo("/mw");
        assertThat(mw.match("/mw/").matchedPath()).isEqualTo("/mw/");
        assertThat(mw.match("/mw/a").matchedPath()).isEqualTo("/mw");
        assertThat(mw.match("/mw//").matchedPath()).isEqualTo("/mw");
        assertThat(mw.match("/MW/a").matchedPath()).isEqualTo("/MW");
        assertThat(mw.match("/mwx")).isNull();
        assertThat(mw.match("/mw.json")).isNull();
        assertThat(PathPattern.compile("/mw", false, true, false).match("/MW/a"))
                .isNull();

        PathPattern blog = use("/blog/:cat");
        PathPattern.Match m = blog.match("/blog/tech/hello");
        assertThat(m.matchedPath()).isEqualTo("/blog/tech");
        assertThat(m.params()).containsExactly(entry("cat", "tech"));
        assertThat(blog.match("/blog/tech/").matchedPath()).isEqualTo("/blog/tech/");
        assertThat(blog.match("/blog")).isNull();

        assertThat(use("/wild/*rest").match("/wild/a/b").matchedPath()).isEqualTo("/wild/a/b");
    }

    @Test
    void rootUseLayerIsTheSlashFastPath() {
        PathPattern root = use("/");
        for (String path : List.of("/", "", "//", "/x", "/x/y", "x")) {
            PathPattern.Match m = root.match(path);
            assertThat(m.matchedPath()).isEmpty();
            assertThat(m.params()).isEmpty();
        }
        assertThat(root.strategy()).isEqualTo("slash");
        // only the plain string "/" gets the fast path; ["/"] is compiled and requires a boundary after "/"
        PathPattern array = PathPattern.compile(List.of("/"), false, false, false);
        assertThat(array.match("/").matchedPath()).isEqualTo("/");
        assertThat(array.match("/foo")).isNull();
        // "/" as a route matches "/" and "//" (its optional trailing slash)
        assertThat(route("/").match("/").matchedPath()).isEqualTo("/");
        assertThat(route("/").match("//").matchedPath()).isEqualTo("//");
        assertThat(route("/").match("/x")).isNull();
    }

    @Test
    void segmentPrefixCheckForRegexUseLayers() {
        PathPattern p = PathPattern.compile(Pattern.compile("/ab"), false, false, false);
        assertThat(p.match("/abc").isSegmentPrefixOf("/abc")).isFalse();
        assertThat(p.match("/ab/c").isSegmentPrefixOf("/ab/c")).isTrue();
        assertThat(p.match("/x/ab").isSegmentPrefixOf("/x/ab")).isFalse();
        assertThat(use("/").match("/anything").isSegmentPrefixOf("/anything")).isTrue();
    }

    @Test
    void literalPathsUseStringComparison() {
        assertThat(route("/api/v1").strategy()).isEqualTo("literal");
        assertThat(route("/a{/b{/c}}").strategy()).isEqualTo("literal");
        assertThat(route("/users/:id").strategy()).isEqualTo("regex");
        PathPattern p = route("/api/v1");
        assertThat(p.match("/API/V1/")).isNotNull();
        assertThat(p.match("/api/v10")).isNull();
        assertThat(use("/api/v1").match("/api/v1/users").matchedPath()).isEqualTo("/api/v1");
        // special regex characters are literal
        assertThat(route("/a.b").match("/aXb")).isNull();
        assertThat(route("/a$b^c|d e").match("/A$B^C|D E")).isNotNull();
        // a newline is not a line end
        assertThat(route("/foo").match("/foo\n")).isNull();
        assertThat(route("/users/:id").match("/users/42\n").params()).containsExactly(entry("id", "42\n"));
    }

    @Test
    void caseFoldingFollowsJavaScript() {
        assertThat(route("/caf\u00e9").match("/CAF\u00c9")).isNotNull();
        assertThat(route("/caf\u00e9").match("/caf%C3%A9")).isNull(); // no decoding of the literal part
        assertThat(route("/\u03c3").match("/\u03c2")).isNotNull();
        // unlike String.equalsIgnoreCase, JS does not fold non-ASCII into ASCII
        assertThat(route("/s").match("/\u017f")).isNull();
        assertThat(route("/k").match("/\u212a")).isNull();
        assertThat(route("/stra\u00dfe").match("/STRASSE")).isNull();
        // the same rules apply inside the generated character classes
        assertThat(route("/:\"a\"X:b").match("/fooxbar").params())
                .containsExactly(entry("a", "foo"), entry("b", "bar"));
    }

    @Test
    void regexPaths() {
        PathPattern numbered = PathPattern.compile(Pattern.compile("^\\/user\\/(\\d+)$"), true, false, false);
        assertThat(numbered.match("/user/42").params()).containsExactly(entry("0", "42"));
        assertThat(numbered.match("/user/x")).isNull();
        assertThat(numbered.strategy()).isEqualTo("user-regex");

        PathPattern named = PathPattern.compile(Pattern.compile("^/user/(?<id>\\d+)/(\\w+)$"), true, false, false);
        // JS lists integer keys first
        assertThat(named.match("/user/42/abc").params()).containsExactly(entry("0", "abc"), entry("id", "42"));

        PathPattern unanchored = PathPattern.compile(Pattern.compile("/abc"), true, false, false);
        assertThat(unanchored.match("/x/abc/y").matchedPath()).isEqualTo("/abc");

        PathPattern optional = PathPattern.compile(Pattern.compile("^/a(b)?"), true, false, false);
        assertThat(optional.match("/a").params()).isEmpty();
        assertThat(optional.match("/ab").params()).containsExactly(entry("0", "b"));

        assertThatThrownBy(() -> PathPattern.compile(Pattern.compile("^/(.+)$"), true, false, false)
                        .match("/%zz"))
                .isInstanceOf(PathDecodeException.class)
                .hasMessage("Failed to decode param '%zz'");
    }

    @Test
    void arrays() {
        PathPattern p = PathPattern.compile(List.of("/a", "/b/:id"), true, false, false);
        assertThat(p.match("/a").params()).isEmpty();
        assertThat(p.match("/b/1").params()).containsExactly(entry("id", "1"));
        assertThat(p.match("/c")).isNull();
        assertThat(p.strategy()).isEqualTo("any");
        PathPattern mixed =
                PathPattern.compile(List.of(Pattern.compile("^/re/(\\d+)$"), "/str/:x"), true, false, false);
        assertThat(mixed.match("/re/5").params()).containsExactly(entry("0", "5"));
        assertThat(mixed.match("/str/5").params()).containsExactly(entry("x", "5"));
        assertThat(PathPattern.compile(List.of(), true, false, false).match("/"))
                .isNull();
    }

    @Test
    void quotedNumericNamesEnumerateLikeAJavaScriptObject() {
        assertThat(route("/:z/:\"1\"/:\"0\"").match("/a/b/c").params())
                .containsExactly(entry("0", "c"), entry("1", "b"), entry("z", "a"));
    }

    @Test
    void paramMaps() {
        Map<String, Object> none = route("/static").match("/static").params();
        assertThat(none).isEmpty();
        assertThat(none).isSameAs(route("/other").match("/other").params());
        Map<String, Object> some = route("/:a").match("/x").params();
        assertThat(some).isInstanceOf(LinkedHashMap.class);
        some.put("extra", "ok"); // fresh per match, owned by the caller
        assertThat(route("/:a").match("/x").params()).containsOnlyKeys("a");
    }

    @Test
    void compiledPatternsAreThreadSafe() throws Exception {
        PathPattern p = route("/users/:id{/*rest}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String id = Integer.toString(i * 8 + offset);
                        PathPattern.Match m = p.match("/users/" + id + "/x/y");
                        if (!m.params().equals(Map.of("id", id, "rest", List.of("x", "y")))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void longInputsDoNotOverflowTheStack() {
        String longSegment = "x".repeat(200_000);
        assertThat(route("/:a-and-:b").match("/" + longSegment + "-and-y").params())
                .containsExactly(entry("a", longSegment), entry("b", "y"));
        assertThat(route("/*a--*b@@:c").match("/" + "-".repeat(50_000) + "!")).isNull();
    }
}
