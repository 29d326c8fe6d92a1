package io.express4j.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NodePaths against Node 20's {@code path.posix} (tables produced by node; see the names). */
class NodePathsTest {
    /** {@code path.posix.normalize(in)}. */
    private static final String[][] NORMALIZE = {
        {"", "."},
        {".", "."},
        {"..", ".."},
        {"/", "/"},
        {"//", "/"},
        {"///a//b/", "/a/b/"},
        {"a/b/../c", "a/c"},
        {"./a", "a"},
        {"../a", "../a"},
        {"a/../..", ".."},
        {"/a/../..", "/"},
        {"/..", "/"},
        {"a/./b/.", "a/b"},
        {"a/b/", "a/b/"},
        {".//", "./"},
        {".//todo.txt", "todo.txt"},
        {".//..\\x", "..\\x"},
        {"a/..", "."},
        {"../../a/../b", "../../b"},
        {"a//b///c/", "a/b/c/"},
        {"/a/b/c/../../d", "/a/d"},
        {".../a", ".../a"},
        {"a/.../b/..", "a/..."},
        {"..a/b", "..a/b"},
        {"a/b..", "a/b.."},
        {"/x/y/../../..", "/"},
        {"./", "./"},
        {".//", "./"},
        {".git/config", ".git/config"},
        {"a/b/c/../../../../x", "../x"},
    };

    /** {@code path.posix.join(a, b)} for {@code "a|b"}. */
    private static final String[][] JOIN = {
        {"/root|", "/root"},
        {"/root|x", "/root/x"},
        {"/root/|./", "/root/"},
        {"/root|a/../b", "/root/b"},
        {"|", "."},
        {"/r|../x", "/x"},
        {"/r/|/x/", "/r/x/"},
    };

    @Test
    void normalize() {
        for (String[] row : NORMALIZE)
            assertThat(NodePaths.normalize(row[0])).as(row[0]).isEqualTo(row[1]);
    }

    @Test
    void join() {
        for (String[] row : JOIN) {
            String[] ab = row[0].split("\\|", -1);
            assertThat(NodePaths.join(ab[0], ab[1])).as(row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void resolve() {
        String cwd = System.getProperty("user.dir");
        assertThat(NodePaths.resolve("/a/b/")).isEqualTo("/a/b");
        assertThat(NodePaths.resolve("/a/../../b")).isEqualTo("/b");
        assertThat(NodePaths.resolve("x/./y")).isEqualTo(cwd + "/x/y");
        assertThat(NodePaths.resolve(".")).isEqualTo(cwd);
        assertThat(NodePaths.resolve("/")).isEqualTo("/");
    }

    @Test
    void upSegments() {
        for (String up : new String[] {"..", "../a", "a/..", "a/../b", "..\\a", "a\\..\\b", "a/..\\b", "/.."}) {
            assertThat(NodePaths.hasUpSegment(up)).as(up).isTrue();
        }
        for (String ok : new String[] {"", ".", "...", "..a", "a..", "a/...b", ".../x", "a/.b", "%2e%2e"}) {
            assertThat(NodePaths.hasUpSegment(ok)).as(ok).isFalse();
        }
    }

    @Test
    void dotFiles() {
        for (String dot : new String[] {".name", "a/.git/config", "..", "a/..b", "x/.well-known/"}) {
            assertThat(NodePaths.containsDotFile(dot)).as(dot).isTrue();
        }
        for (String ok : new String[] {"", ".", "./", "a/./b", "a.b/c", "a/b."}) {
            assertThat(NodePaths.containsDotFile(ok)).as(ok).isFalse();
        }
    }
}
