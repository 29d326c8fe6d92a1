package io.express4j.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's API tour compiles as written: its code block is read from the README (so the two cannot drift),
 * its imports hoisted, the rest wrapped in a method whose parameters are the tour's free names ({@code load},
 * {@code show}, {@code mw}), and compiled against this module's class path (core, mustache).
 */
class ReadmeApiTourTest {
    private static final Pattern TOUR =
            Pattern.compile("## API tour\\s+(?:\\(.*?\\)\\s+)?```java\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void theApiTourCompiles(@TempDir Path out) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = TOUR.matcher(readme);
        assertThat(m.find()).as("the README has an API tour code block").isTrue();

        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : m.group(1).split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source = imports
                + "import io.express4j.mustache.MustacheEngine;\n"
                + "import java.time.Duration;\nimport java.util.*;\nimport java.util.regex.Pattern;\n"
                + "class ApiTour {\n"
                + "  static void tour(Middleware load, Middleware show, Middleware mw) throws Exception {\n"
                + body
                + "  }\n}\n";

        assertThat(compile(source, out))
                .as("javac's diagnostics for:\n" + source)
                .isEmpty();
    }

    /** Compiles one source file against the test class path; returns javac's errors (empty when it compiled). */
    private static String compile(String source, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///ApiTour.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> options = new ArrayList<>(List.of("-classpath", classPath, "-d", out.toString(), "-proc:none"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter log = new StringWriter();
        boolean ok = javac.getTask(log, null, diagnostics, options, null, List.of(file))
                .call();
        StringBuilder errors = new StringBuilder(log.toString());
        diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .forEach(d -> errors.append("line ")
                        .append(d.getLineNumber())
                        .append(": ")
                        .append(d.getMessage(null))
                        .append('\n'));
        return ok ? "" : errors.toString();
    }
}
