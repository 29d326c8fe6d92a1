package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paths that try to leave the root, in every spelling: plain and percent-encoded dots and slashes, backslashes,
 * NUL bytes, malformed and overlong UTF-8, over-long names, absolute paths, double encoding. Each gets send's
 * status (400 bad path, 403 traversal, 404 not there) and never a byte of the file beside the root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileTraversalTest {
    private static final String SECRET = "TOP-SECRET";
    private Path dir;
    private TestServer strict;
    private TestServer lenient;
    private TestServer params;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("express4j-traversal");
        Path root = Files.createDirectories(dir.resolve("public"));
        Files.writeString(root.resolve("ok.txt"), "ok");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve(".hidden"), "hidden");
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.writeString(dir.resolve("public-secret.txt"), SECRET);

        App strictApp = Express.app();
        strictApp.set("env", "test");
        strictApp.use(Express.staticFiles(root.toString(), new StaticOptions().fallthrough(false)));
        strict = TestServer.serve(strictApp);

        App lenientApp = Express.app();
        lenientApp.set("env", "test");
        lenientApp.use(Express.staticFiles(root.toString()));
        lenientApp.use((req, res) -> res.status(404).send("fell through"));
        lenient = TestServer.serve(lenientApp);

        App paramsApp = Express.app();
        paramsApp.set("env", "test");
        paramsApp.get(
                "/files/*path",
                (req, res) -> res.sendFile(req.params("path"), new SendFileOptions().root(root.toString())));
        params = TestServer.serve(paramsApp);
    }

    @AfterAll
    void stop() throws IOException {
        strict.close();
        lenient.close();
        params.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/../secret.txt                    | 403",
                "/sub/../../secret.txt             | 403",
                "/..                               | 403",
                "/%2e%2e/secret.txt                | 403",
                "/%2E%2E/secret.txt                | 403",
                "/.%2e/secret.txt                  | 403",
                "/%2e./secret.txt                  | 403",
                "/sub/%2e%2e/%2e%2e/secret.txt     | 403",
                "/sub%2f..%2f..%2fsecret.txt       | 403",
                "/sub%2F..%2F..%2Fsecret.txt       | 403",
                "/..%2fsecret.txt                  | 403",
                "/..%5csecret.txt                  | 403",
                "/..%5C..%5Csecret.txt             | 403",
                "/sub/..%5c..%5csecret.txt         | 403",
                "/sub%5c..%5c..%5csecret.txt       | 403",
                "/ok.txt%00                        | 400",
                "/%00../secret.txt                 | 400",
                "/..%00/secret.txt                 | 400",
                "/%                                | 400",
                "/%zz                              | 400",
                "/%c0%ae%c0%ae/secret.txt          | 400",
                "/%e0%80%ae%e0%80%ae/secret.txt    | 400",
                "/%ed%a0%80                        | 400",
                "/%252e%252e/secret.txt            | 404",
                "/%252e%252e%252fsecret.txt        | 404",
                "//secret.txt                      | 404",
                "/.../secret.txt                   | 404",
                "/..secret.txt                     | 404",
                "/secret.txt                       | 404",
                "/-secret.txt                      | 404",
                "/sub/..                           | 301",
                "/.hidden                          | 404",
                "/%2ehidden                        | 404",
                "/sub/../.hidden                   | 404",
            })
    @DisplayName("static, fallthrough false: send's status, no secret")
    void strictStatic(String path, int status) {
        RawResponse r = strict.get(path);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.text()).doesNotContain(SECRET).doesNotContain(dir.toString() + "/secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%5csecret.txt",
        "/ok.txt%00",
        "/%",
        "/%c0%ae",
        "/.hidden",
        "/%2ehidden",
        "//secret.txt"
    })
    @DisplayName("static, fallthrough: every bad path just falls through")
    void lenientStatic(String path) {
        RawResponse r = lenient.get(path);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).isEqualTo("fell through");
    }

    @Test
    @DisplayName("an over-long name is 404 (ENAMETOOLONG), an over-long path too")
    void overLong() {
        assertThat(strict.get("/" + "a".repeat(300)).status()).isEqualTo(404);
        assertThat(strict.get("/" + "a".repeat(300)).text()).contains("ENAMETOOLONG");
        assertThat(strict.get("/sub" + "/x".repeat(3000)).status()).isEqualTo(404);
        assertThat(lenient.get("/" + "a".repeat(300)).text()).isEqualTo("fell through");
    }

    @Test
    @DisplayName("the file inside the root is served, also through a .. that stays inside")
    void inside() {
        assertThat(strict.get("/ok.txt").text()).isEqualTo("ok");
        assertThat(strict.get("/sub/../ok.txt").text()).isEqualTo("ok");
        assertThat(strict.get("/sub/%2e%2e/ok.txt").text()).isEqualTo("ok");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/files/ok.txt                       | 200",
                "/files/..%2fsecret.txt              | 403",
                "/files/%2e%2e%2fsecret.txt          | 403",
                "/files/sub/..%2f..%2fsecret.txt     | 403",
                "/files/..%5csecret.txt              | 403",
                "/files/%252e%252e%252fsecret.txt    | 404",
                "/files/%2fetc%2fpasswd              | 404",
                "/files/ok.txt%00                    | 400",
                "/files/.hidden                      | 404",
            })
    @DisplayName("res.sendFile(req.params('path'), {root}): the router decodes once, send never decodes again")
    void sendFileParams(String path, int status) {
        RawResponse r = params.get(path);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.text()).doesNotContain(SECRET);
    }

    @Test
    @DisplayName("res.sendFile refuses a NUL byte and a lone surrogate in a name it is given")
    void sendFileBadNames() {
        App app = Express.app();
        app.set("env", "test");
        app.get("/nul", (req, res) -> res.sendFile("ok.txt\0.html", new SendFileOptions().root(dir + "/public")));
        app.get("/surrogate", (req, res) -> res.sendFile("ok\ud800.txt", new SendFileOptions().root(dir + "/public")));
        try (TestServer server = TestServer.serve(app)) {
            assertThat(server.get("/nul").status()).isEqualTo(400);
            RawResponse surrogate = server.get("/surrogate");
            assertThat(surrogate.status()).isEqualTo(500);
            assertThat(surrogate.text()).contains("URI malformed");
        }
    }
}
