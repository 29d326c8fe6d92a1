package io.express4j;

import static io.express4j.ResSendFileTest.app;
import static io.express4j.ResSendFileTest.get;
import static io.express4j.support.FileFixtures.files;
import static io.express4j.support.FileFixtures.fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Express's test/res.download.js (25 cases, numbered in file order), plus the §9 capture. */
class ResDownloadTest {
    /** Express's tests name files relative to the working directory ({@code test/fixtures/user.html}). */
    static String relative(String name) {
        return Path.of("").toAbsolutePath().relativize(fixtures().resolve(name)).toString();
    }

    static final String USER_HTML = "<p>{{user.name}}</p>";

    @Nested
    @DisplayName(".download(path)")
    class PathOnly {
        @Test
        @DisplayName("1 should transfer as an attachment")
        void attachment() {
            RawResponse r = get(app((req, res) -> res.download(relative("user.html"))), "/");
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=user.html");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(USER_HTML);
        }

        @Test
        @DisplayName("2 should accept range requests")
        void acceptsRanges() {
            App app = Express.app();
            app.get("/", (req, res) -> res.download(relative("user.html")));
            RawResponse r = get(app, "/");
            assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(USER_HTML);
        }

        @Test
        @DisplayName("3 should respond with requested byte range")
        void byteRange() {
            App app = Express.app();
            app.get("/", (req, res) -> res.download(relative("user.html")));
            RawResponse r = get(app, "/", "Range", "bytes=0-2");
            assertThat(r.header("Content-Range")).isEqualTo("bytes 0-2/20");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.text()).isEqualTo("<p>");
        }
    }

    @Test
    @DisplayName("4 .download(path, filename) should provide an alternate filename")
    void alternateFilename() {
        RawResponse r = get(app((req, res) -> res.download(relative("user.html"), "document")), "/");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=document");
        assertThat(r.status()).isEqualTo(200);
    }

    @Nested
    @DisplayName(".download(path, fn)")
    class PathCallback {
        @Test
        @DisplayName("5 should invoke the callback")
        void callback() throws Exception {
            CompletableFuture<Throwable> called = new CompletableFuture<>();
            RawResponse r = get(app((req, res) -> res.download(relative("user.html"), called::complete)), "/");
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=user.html");
            assertThat(r.status()).isEqualTo(200);
            assertThat(called.get(10, TimeUnit.SECONDS)).isNull();
        }

        @Test
        @DisplayName("6 should persist the request's context into the callback (same thread)")
        void context() throws Exception {
            ThreadLocal<String> store = new ThreadLocal<>();
            CompletableFuture<String> seen = new CompletableFuture<>();
            App app = Express.app();
            app.use((req, res, next) -> {
                store.set("bar");
                next.run();
            });
            app.use((req, res) -> res.download(
                    relative("name.txt"), err -> seen.complete(err == null ? store.get() : err.toString())));
            RawResponse r = get(app, "/");
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=name.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("tobi");
            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("bar");
        }

        @Test
        @DisplayName("7 should persist the context on error")
        void contextOnError() {
            ThreadLocal<String> store = new ThreadLocal<>();
            App app = Express.app();
            app.use((req, res, next) -> {
                store.set("bar");
                next.run();
            });
            app.use((req, res) -> res.download(relative("does-not-exist"), err -> {
                if (store.get() != null) res.setHeader("x-store-foo", store.get());
                res.send(err != null ? "got " + ((HttpError) err).status() + " error" : "no error");
            }));
            RawResponse r = get(app, "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("x-store-foo")).isEqualTo("bar");
            assertThat(r.text()).isEqualTo("got 404 error");
        }
    }

    @Nested
    @DisplayName(".download(path, options)")
    class PathOptions {
        @Test
        @DisplayName("8 should allow options to res.sendFile()")
        void options() {
            RawResponse r = get(
                    app((req, res) -> res.download(
                            relative(".name"),
                            new SendFileOptions().dotfiles("allow").maxAge("4h"))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=.name");
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=14400");
            assertThat(r.body()).isEqualTo("tobi".getBytes());
        }

        @Test
        @DisplayName("9 headers: should set headers on response")
        void headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Foo", "Bar");
            headers.put("X-Bar", "Foo");
            RawResponse r = get(
                    app((req, res) -> res.download(relative("user.html"), new SendFileOptions().headers(headers))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-Foo")).isEqualTo("Bar");
            assertThat(r.header("X-Bar")).isEqualTo("Foo");
        }

        @Test
        @DisplayName("10 headers: should use last header when duplicated")
        void duplicated() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Foo", "Bar");
            headers.put("x-foo", "bar");
            RawResponse r = get(
                    app((req, res) -> res.download(relative("user.html"), new SendFileOptions().headers(headers))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers("X-Foo")).containsExactly("bar");
        }

        @Test
        @DisplayName("11 headers: should override Content-Type")
        void contentType() {
            RawResponse r = get(
                    app((req, res) -> res.download(
                            relative("user.html"),
                            new SendFileOptions().headers(Map.of("Content-Type", "text/x-custom")))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/x-custom");
        }

        @Test
        @DisplayName("12 headers: should not set headers on 404")
        void notOn404() {
            RawResponse r = get(
                    app((req, res) -> res.download(
                            relative("does-not-exist"), new SendFileOptions().headers(Map.of("X-Foo", "Bar")))),
                    "/");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.hasHeader("X-Foo")).isFalse();
            assertThat(r.hasHeader("Content-Disposition")).isFalse();
        }

        @Test
        @DisplayName("13 headers containing Content-Disposition: should be ignored")
        void dispositionIgnored() {
            RawResponse r = get(
                    app((req, res) -> res.download(
                            relative("user.html"),
                            new SendFileOptions().headers(Map.of("Content-Disposition", "inline")))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=user.html");
        }

        @Test
        @DisplayName("14 headers containing Content-Disposition: should be ignored case-insensitively")
        void dispositionIgnoredAnyCase() {
            RawResponse r = get(
                    app((req, res) -> res.download(
                            relative("user.html"),
                            new SendFileOptions().headers(Map.of("content-disposition", "inline")))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers("Content-Disposition")).containsExactly("attachment; filename=user.html");
        }

        @Test
        @DisplayName("15 root: should allow relative path")
        void rootRelative() {
            RawResponse r = get(
                    app((req, res) -> res.download(
                            "name.txt", new SendFileOptions().root(fixtures().toString()))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=name.txt");
            assertThat(r.body()).isEqualTo("tobi".getBytes());
        }

        @Test
        @DisplayName("16 root: should allow up within root")
        void rootUpWithin() {
            RawResponse r = get(
                    app((req, res) -> res.download(
                            "fake/../name.txt",
                            new SendFileOptions().root(fixtures().toString()))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=name.txt");
            assertThat(r.body()).isEqualTo("tobi".getBytes());
        }

        @Test
        @DisplayName("17 root: should reject up outside root")
        void rootUpOutside() {
            String p = "../" + fixtures().getFileName() + "/name.txt";
            RawResponse r = get(
                    app((req, res) -> res.download(
                            p, new SendFileOptions().root(fixtures().toString()))),
                    "/");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.hasHeader("Content-Disposition")).isFalse();
        }

        @Test
        @DisplayName("18 root: should reject reading outside root")
        void rootOutside() {
            RawResponse r = get(
                    app((req, res) -> res.download(
                            "../name.txt", new SendFileOptions().root(fixtures().toString()))),
                    "/");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.hasHeader("Content-Disposition")).isFalse();
        }
    }

    @Test
    @DisplayName("19 .download(path, filename, fn) should invoke the callback")
    void filenameCallback() throws Exception {
        CompletableFuture<Throwable> called = new CompletableFuture<>();
        RawResponse r = get(app((req, res) -> res.download(relative("user.html"), "document", called::complete)), "/");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=document");
        assertThat(r.status()).isEqualTo(200);
        assertThat(called.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Nested
    @DisplayName(".download(path, filename, options, fn)")
    class Everything {
        @Test
        @DisplayName("20 should invoke the callback")
        void callback() throws Exception {
            CompletableFuture<Throwable> called = new CompletableFuture<>();
            SendFileOptions options = new SendFileOptions();
            RawResponse r = get(
                    app((req, res) -> res.download(relative("user.html"), "document", options, called::complete)), "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=document");
            assertThat(called.get(10, TimeUnit.SECONDS)).isNull();
        }

        @Test
        @DisplayName("21 should allow options to res.sendFile()")
        void options() {
            RawResponse r = get(
                    app((req, res) -> res.download(
                            relative(".name"),
                            "document",
                            new SendFileOptions().dotfiles("allow").maxAge("4h"))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=document");
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=14400");
            assertThat(r.body()).isEqualTo("tobi".getBytes());
        }

        @Test
        @DisplayName("22 options.headers containing Content-Disposition: should be ignored")
        void dispositionIgnored() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "text/x-custom");
            headers.put("Content-Disposition", "inline");
            RawResponse r = get(
                    app((req, res) ->
                            res.download(relative("user.html"), "document", new SendFileOptions().headers(headers))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/x-custom");
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=document");
        }

        @Test
        @DisplayName("23 options.headers containing Content-Disposition: should be ignored case-insensitively")
        void dispositionIgnoredAnyCase() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "text/x-custom");
            headers.put("content-disposition", "inline");
            RawResponse r = get(
                    app((req, res) ->
                            res.download(relative("user.html"), "document", new SendFileOptions().headers(headers))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/x-custom");
            assertThat(r.headers("Content-Disposition")).containsExactly("attachment; filename=document");
        }
    }

    @Nested
    @DisplayName("on failure")
    class Failure {
        @Test
        @DisplayName("24 should invoke the callback")
        void callback() {
            App app = Express.app();
            app.use((req, res, next) -> res.download(relative("foobar.html"), err -> {
                if (err == null) {
                    next.fail(new IllegalStateException("expected error"));
                    return;
                }
                FileError e = (FileError) err;
                res.send("got " + e.status() + " " + e.code());
            }));
            RawResponse r = get(app, "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("got 404 ENOENT");
        }

        @Test
        @DisplayName("25 should remove Content-Disposition")
        void noDisposition() {
            App app = Express.app();
            app.use((req, res, next) -> res.download(relative("foobar.html"), err -> {
                if (err == null) {
                    next.fail(new IllegalStateException("expected error"));
                    return;
                }
                res.end("failed");
            }));
            RawResponse r = get(app, "/");
            assertThat(r.hasHeader("Content-Disposition")).isFalse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("failed");
        }
    }

    @Test
    @DisplayName("EXPRESS.md §9: res.download(files + '/hello.txt', 'report 2024.txt')")
    void capture() {
        App app = Express.app();
        app.get(
                "/download",
                (req, res) -> res.download(files().resolve("hello.txt").toString(), "report 2024.txt"));
        RawResponse r = get(app, "/download");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headerNames())
                .containsExactly(
                        "X-Powered-By",
                        "Content-Disposition",
                        "Accept-Ranges",
                        "Cache-Control",
                        "Last-Modified",
                        "ETag",
                        "Content-Type",
                        "Content-Length",
                        "Date",
                        "Connection",
                        "Keep-Alive");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"report 2024.txt\"");
        assertThat(r.header("ETag")).isEqualTo("W/\"b-18cc820d888\"");
        assertThat(r.header("Content-Length")).isEqualTo("11");
        assertThat(r.text()).isEqualTo("hello file\n");
    }

    @Test
    @DisplayName("a non-ASCII name gets the ASCII fallback and filename*")
    void unicodeName() {
        RawResponse r = get(app((req, res) -> res.download(relative("name.txt"), "résumé.pdf")), "/");
        assertThat(r.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"r?sum?.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }
}
