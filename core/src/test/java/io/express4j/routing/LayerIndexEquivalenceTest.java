package io.express4j.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property: for random stacks and paths (odd ones included), walking a {@link LayerIndex} reaches exactly the
 * layers that match (or throw while matching) in a linear scan of the whole stack, in the same order. Skipping a
 * layer is only allowed when it could not have matched.
 */
class LayerIndexEquivalenceTest {
    private static final String[] WORDS = {
        "users",
        "Users",
        "USERS",
        "api",
        "a",
        "b",
        "ab",
        "café",
        "CAFÉ",
        "\u017F",
        "s",
        "S",
        "k",
        "\u212A",
        "%2F",
        "%2f",
        "a%20b",
        "x:y",
        "-",
        "",
        "users.json",
        "%E0%A4%A",
        "%"
    };

    @Test
    void theIndexVisitsExactlyTheLayersTheLinearScanMatches() {
        Random random = new Random(20250908);
        int compared = 0, matched = 0, skipped = 0;
        for (int round = 0; round < 400; round++) {
            boolean sensitive = random.nextBoolean();
            boolean strict = random.nextInt(4) == 0;
            List<Layer> stack = new ArrayList<>();
            int size = 1 + random.nextInt(40);
            while (stack.size() < size) {
                Layer layer = randomLayer(random, sensitive, strict);
                if (layer != null) stack.add(layer);
            }
            LayerIndex index = LayerIndex.of(stack);
            for (int p = 0; p < 60; p++) {
                String path = randomPath(random);
                List<String> expected = linear(stack, path);
                assertThat(indexed(index, path))
                        .as("%s on %s", path, describe(stack))
                        .isEqualTo(expected);
                compared++;
                matched += expected.size();
                skipped += stack.size() - visits(index, path);
            }
        }

        assertThat(compared).isEqualTo(400 * 60);
        assertThat(matched).as("matches seen").isGreaterThan(10_000); // the paths do hit the stacks
        assertThat(skipped).as("layers skipped").isGreaterThan(100_000); // and the index does skip
    }

    /** Positions that match or throw, trying every layer. */
    static List<String> linear(List<Layer> stack, String path) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stack.size(); i++) outcome(stack.get(i), i, path, out);
        return out;
    }

    /** The same, trying only the index's candidates. */
    static List<String> indexed(LayerIndex index, String path) {
        List<String> out = new ArrayList<>();
        int[][] keyed = index.candidates(path);
        for (int i = index.next(keyed, 0); i < index.size(); i = index.next(keyed, i + 1)) {
            outcome(index.layer(i), i, path, out);
        }
        return out;
    }

    private static int visits(LayerIndex index, String path) {
        int n = 0;
        int[][] keyed = index.candidates(path);
        for (int i = index.next(keyed, 0); i < index.size(); i = index.next(keyed, i + 1)) n++;
        return n;
    }

    private static void outcome(Layer layer, int position, String path, List<String> out) {
        try {
            PathPattern.Match m = layer.match(path);
            if (m != null) out.add(position + " " + m.matchedPath() + " " + m.params());
        } catch (RuntimeException e) {
            out.add(position + " threw " + e.getClass().getSimpleName());
        }
    }

    static Layer randomLayer(Random random, boolean sensitive, boolean strict) {
        boolean end = random.nextBoolean();
        Object path = switch (random.nextInt(12)) {
            case 0 -> Pattern.compile(random.nextBoolean() ? "^/" + word(random) : "/" + word(random) + "/?$");
            case 1 -> List.of(randomPath(random, true), randomPath(random, true));
            case 2 -> List.of(randomPath(random, true), Pattern.compile("^/a"));
            case 3 -> "/";
            default -> randomPath(random, true);
        };
        try {
            if (!end && "/".equals(path) && random.nextBoolean()) return Layer.middleware(null, (q, s, n) -> n.run());
            PathPattern pattern = PathPattern.compile(path, end, sensitive, end && strict);
            return end ? Layer.route(pattern, new RouteStack(null)) : Layer.middleware(pattern, (q, s, n) -> n.run());
        } catch (PathSyntaxException invalid) {
            return null;
        }
    }

    static String randomPath(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "/";
            case 2 -> "//" + word(random);
            case 3 -> word(random) + "/" + word(random); // no leading slash
            default -> {
                String p = randomPath(random, false);
                yield random.nextInt(4) == 0 ? p + "/" : p;
            }
        };
    }

    /** A request path, or (pattern) an Express path with parameters, wildcards, groups and escapes. */
    static String randomPath(Random random, boolean pattern) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(pattern ? 3 : 4);
        int names = 0;
        for (int i = 0; i < parts; i++) {
            int kind = pattern ? random.nextInt(9) : random.nextInt(3) == 0 ? 8 : 0; // requests glue words too
            switch (kind) {
                case 0, 1, 2 -> sb.append('/').append(escape(word(random), pattern));
                case 3 -> sb.append("/:p").append(names++);
                case 4 -> sb.append("/*w").append(names++);
                case 5 -> sb.append("{/").append(escape(word(random), true)).append('}');
                case 6 -> sb.append("{/:q").append(names++).append('}');
                case 7 ->
                    sb.append('/')
                            .append(escape(word(random), true))
                            .append("-:r")
                            .append(names++);
                default -> sb.append(escape(word(random), true)); // text glued to what came before
            }
        }
        if (pattern && random.nextInt(5) == 0) sb.append('/');
        return sb.toString();
    }

    private static String escape(String word, boolean pattern) {
        return pattern ? word.replace(":", "\\:") : word;
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String describe(List<Layer> stack) {
        List<Object> out = new ArrayList<>();
        for (Layer l : stack) out.add(l.leadingSegments());
        return out.toString();
    }
}
