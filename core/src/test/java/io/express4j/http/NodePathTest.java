package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Node's {@code path.posix.extname}, against answers from Node 20. */
class NodePathTest {

    /** {@code path.posix.extname(in)}. */
    private static final String[][] EXTNAME = {
        {"", ""},
        {"a", ""},
        {".name", ""},
        {"a.txt", ".txt"},
        {"a.b.c", ".c"},
        {"a.", "."},
        {"..", ""},
        {"...", "."},
        {"x/.name", ""},
        {"x/a.txt/", ".txt"},
        {"/a.b/c", ""},
        {"/", ""},
        {".a.b", ".b"},
        {"a..", "."},
        {"dir.d/file", ""},
        {"x.html", ".html"},
        {"x./a/.hidden", ""},
        {"x./a/..", ""},
        {"x./a/...", "."},
        {"x./a/..b", ".b"},
        {"x./a/b.c//", ".c"},
        {"x.", "."},
    };

    @Test
    void extname() {
        for (String[] row : EXTNAME)
            assertThat(NodePath.extname(row[0])).as(row[0]).isEqualTo(row[1]);
    }
}
