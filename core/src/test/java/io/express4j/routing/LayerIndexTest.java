package io.express4j.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link LayerIndex}: which stack positions a path makes candidates, in stack order. */
class LayerIndexTest {

    static Layer route(String path) {
        return Layer.route(PathPattern.compile(path, true, false, false), new RouteStack(null));
    }

    static Layer use(String path) {
        return Layer.middleware(
                path.equals("/") ? null : PathPattern.compile(path, false, false, false),
                (req, res, next) -> next.run());
    }

    /** Every candidate position for a path, walked the way dispatch walks them. */
    static List<Integer> candidates(LayerIndex index, String path) {
        int[][] keyed = index.candidates(path);
        List<Integer> out = new ArrayList<>();
        for (int i = index.next(keyed, 0); i < index.size(); i = index.next(keyed, i + 1)) out.add(i);
        return out;
    }

    @Test
    void anEmptyStackHasNoCandidates() {
        LayerIndex index = LayerIndex.of(List.of());
        assertThat(index.size()).isZero();
        assertThat(candidates(index, "/users")).isEmpty();
    }

    @Test
    void onlyTheLayersOfThePathsFirstSegmentAndTheAlwaysLayersAreCandidates() {
        LayerIndex index = LayerIndex.of(List.of(
                use("/"), // 0: always
                route("/users"), // 1: users
                route("/posts/:id"), // 2: posts
                route("/:any"), // 3: always
                use("/users"), // 4: users
                route("/users/:id"), // 5: users
                Layer.route(PathPattern.compile(Pattern.compile("^/p"), true, false, false), new RouteStack(null)),
                route("/posts"))); // 7: posts
        assertThat(candidates(index, "/users/42")).containsExactly(0, 1, 3, 4, 5, 6);
        assertThat(candidates(index, "/posts")).containsExactly(0, 2, 3, 6, 7);
        assertThat(candidates(index, "/other")).containsExactly(0, 3, 6);
        assertThat(candidates(index, "")).containsExactly(0, 3, 6);
    }

    @Test
    void deeperLiteralSegmentsNarrowTheCandidates() {
        LayerIndex index = LayerIndex.of(List.of(
                route("/api/v1/resource0"), // 0
                route("/api/v1/resource1/:id"), // 1
                use("/api"), // 2
                route("/api/:version/x"), // 3
                route("/api/v1/resource1"), // 4
                route("/plaintext"))); // 5
        assertThat(candidates(index, "/api/v1/resource1/42")).containsExactly(1, 2, 3, 4);
        assertThat(candidates(index, "/api/v1/resource0")).containsExactly(0, 2, 3);
        assertThat(candidates(index, "/api/v2/resource0")).containsExactly(2, 3);
        assertThat(candidates(index, "/api")).containsExactly(2, 3);
        assertThat(candidates(index, "/plaintext")).containsExactly(5);
        assertThat(candidates(index, "/plaintext/")).containsExactly(5);
    }

    @Test
    void theKeyIgnoresCase() {
        LayerIndex index = LayerIndex.of(List.of(route("/Users"), route("/posts")));
        assertThat(candidates(index, "/USERS")).containsExactly(0);
        assertThat(candidates(index, "/users/")).containsExactly(0);
    }

    @Test
    void aLayerWithSeveralFirstSegmentsIsACandidateForEachOnce() {
        LayerIndex index = LayerIndex.of(List.of(
                Layer.route(
                        PathPattern.compile(List.of("/a", "/b", "/a/:x"), true, false, false), new RouteStack(null)),
                route("/a")));
        assertThat(candidates(index, "/a")).containsExactly(0, 1);
        assertThat(candidates(index, "/b")).containsExactly(0);
        assertThat(candidates(index, "/c")).isEmpty();
    }

    @Test
    void walkingFromTheMiddleSkipsWhatIsBehind() {
        LayerIndex index = LayerIndex.of(List.of(route("/a"), use("/"), route("/a"), route("/b"), route("/a")));
        int[][] keyed = index.candidates("/a");
        assertThat(index.next(keyed, 1)).isEqualTo(1);
        assertThat(index.next(keyed, 2)).isEqualTo(2);
        assertThat(index.next(keyed, 3)).isEqualTo(4);
        assertThat(index.next(keyed, 5)).isEqualTo(5); // past the end: size()
        assertThat(index.layer(4)).isNotNull();
    }
}
