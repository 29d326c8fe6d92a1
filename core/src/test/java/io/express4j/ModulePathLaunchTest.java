package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framework as a named module: a tiny app module ({@code requires io.express4j}) is compiled against the built
 * classes and launched with {@code --module-path}; it serves three requests (the mime table, Jackson both ways) and
 * reports what it got. The rest of the suite runs on the class path, as most users do.
 */
class ModulePathLaunchTest {

    private static final String MODULE_INFO = "module demo { requires io.express4j; requires java.net.http; }";

    private static final String MAIN = """
            package demo;

            import io.express4j.App;
            import io.express4j.Express;
            import io.express4j.Server;
            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.util.Map;

            public class Main {
                public static void main(String[] args) throws Exception {
                    App app = Express.app();
                    app.use(Express.json());
                    app.get("/css", (req, res) -> res.type("css").send("a{}"));
                    app.post("/echo", (req, res) -> res.json(Map.of("got", req.body())));
                    Module core = App.class.getModule();
                    System.out.println(Main.class.getModule().getName() + " reads " + core.getName()
                            + ", exports http: " + core.isExported("io.express4j.http"));
                    try (Server server = app.listen(0)) {
                        HttpClient client = HttpClient.newHttpClient();
                        URI base = URI.create("http://127.0.0.1:" + server.port());
                        print(client.send(HttpRequest.newBuilder(base.resolve("/css")).build(),
                                HttpResponse.BodyHandlers.ofString()));
                        print(client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\\"a\\":[1,2]}")).build(),
                                HttpResponse.BodyHandlers.ofString()));
                        print(client.send(HttpRequest.newBuilder(base.resolve("/nowhere")).build(),
                                HttpResponse.BodyHandlers.ofString()));
                    }
                }

                static void print(HttpResponse<String> r) {
                    System.out.println(r.statusCode() + " " + r.headers().firstValue("content-type").orElse("-")
                            + " " + r.body().lines().filter(l -> l.startsWith("<pre>") || !l.startsWith("<")).toList());
                }
            }
            """;

    @Test
    void anAppModuleRunsOnTheModulePath(@TempDir Path tmp) throws Exception {
        Path classes = ModuleBoundaryTest.classesDir();
        String runtime = Files.readString(classes.resolveSibling("runtime-classpath.txt"))
                .strip();
        String modulePath = classes + File.pathSeparator + runtime;

        Path src = Files.createDirectories(tmp.resolve("src/demo"));
        Files.writeString(tmp.resolve("src/module-info.java"), MODULE_INFO);
        Files.writeString(src.resolve("Main.java"), MAIN);
        Path out = tmp.resolve("out");
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        int compiled = javac.run(
                System.out,
                System.err,
                "--module-path",
                modulePath,
                "-d",
                out.toString(),
                tmp.resolve("src/module-info.java").toString(),
                src.resolve("Main.java").toString());
        assertThat(compiled).as("javac exit status").isZero();

        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-MODULE-PATH",
                "--module-path",
                modulePath + File.pathSeparator + out,
                "--module",
                "demo/demo.Main"));
        Process process = new ProcessBuilder(command)
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("exit status; stderr: %s", Files.readString(tmp.resolve("stderr.txt")))
                .isZero();
        assertThat(stdout.lines())
                .containsExactly(
                        "demo reads io.express4j, exports http: false",
                        "200 text/css; charset=utf-8 [a{}]",
                        "200 application/json; charset=utf-8 [{\"got\":{\"a\":[1,2]}}]",
                        "404 text/html; charset=utf-8 [<pre>Cannot GET /nowhere</pre>]");
    }
}
