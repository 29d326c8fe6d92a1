package io.express4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.express4j.routing.PathDecodeException;
import io.express4j.routing.PathPattern;
import io.express4j.routing.PathSyntaxException;

/** Express 5 path compiler and matcher: any pattern either compiles or fails with PathSyntaxException; matching
 *  any path returns a match or null, or fails with PathDecodeException (a 400); nothing else escapes. */
class PathPatternFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void compileAndMatch(byte[] input) {
        String[] f = FuzzInput.fields(input, 3);
        String pattern = f[0];
        String path = f[1];
        int flags = f[2].isEmpty() ? 0 : f[2].charAt(0);
        PathPattern compiled;
        try {
            compiled = PathPattern.compile(pattern, (flags & 1) == 0, (flags & 2) != 0, (flags & 4) != 0);
        } catch (PathSyntaxException expected) {
            return;
        }
        try {
            PathPattern.Match match = compiled.match(path);
            if (match != null) {
                assertThat(match.matchedPath()).isNotNull();
                assertThat(path).startsWith(match.matchedPath());
                assertThat(match.params()).isNotNull();
            }
        } catch (PathDecodeException expected) {
            // a malformed percent escape in a captured value: Express answers 400
        }
    }
}
