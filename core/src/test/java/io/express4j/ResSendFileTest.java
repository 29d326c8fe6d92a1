package io.express4j;

import static io.express4j.support.FileFixtures.LAST_MODIFIED;
import static io.express4j.support.FileFixtures.files;
import static io.express4j.support.FileFixtures.fixture;
import static io.express4j.support.FileFixtures.fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.http.Html;
import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Express's test/res.sendFile.js (the 55 cases of EXPRESS.md §6.4, numbered as there), plus the sendFile captures
 * of §9 byte for byte.
 */
class ResSendFileTest {

    static App app(Handler handler) {
        App app = Express.app();
        app.set("env", "test");
        app.use(handler);
        return app;
    }

    static RawResponse get(App app, String path, String... headers) {
        return request(app, "GET", path, headers);
    }

    static RawResponse request(App app, String method, String path, String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) map.put(headers[i], headers[i + 1]);
        try (TestServer server = TestServer.serve(app)) {
            return server.request(method, path, map);
        }
    }

    /** Waits until the server has seen the client go away (a condition, not a delay). */
    static void awaitClientGone(Response res) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (res.connectionOpen() && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(res.connectionOpen()).isFalse();
    }

    @Nested
    @DisplayName(".sendFile(path)")
    class Path {
        @Test
        @DisplayName("1 should error missing path")
        void missingPath() {
            RawResponse r = get(app((req, res) -> res.sendFile((String) null)), "/");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text()).containsPattern("path.*required");
        }

        @Test
        @DisplayName("2 should error for non-string path: Java's types reject it, no Object overload exists")
        void nonStringPath() {
            List<String> firstParameters = Arrays.stream(Response.class.getMethods())
                    .filter(m -> m.getName().equals("sendFile"))
                    .map(Method::getParameterTypes)
                    .map(p -> p[0].getName())
                    .distinct()
                    .toList();
            assertThat(firstParameters).containsExactly(String.class.getName());
        }

        @Test
        @DisplayName("3 should error for non-absolute path")
        void relativePath() {
            RawResponse r = get(app((req, res) -> res.sendFile("name.txt")), "/");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text()).contains("path must be absolute or specify root to res.sendFile");
        }

        @Test
        @DisplayName("4 should transfer a file")
        void transfer() {
            RawResponse r = get(app((req, res) -> res.sendFile(fixture("name.txt"))), "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("tobi");
        }

        @Test
        @DisplayName("5 should transfer a file with special characters in string")
        void specialCharacters() {
            RawResponse r = get(app((req, res) -> res.sendFile(fixture("% of dogs.txt"))), "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("20%");
        }

        @Test
        @DisplayName("6 should include ETag")
        void etag() {
            RawResponse r = get(app((req, res) -> res.sendFile(fixture("name.txt"))), "/");
            assertThat(r.header("ETag")).isEqualTo("W/\"4-18cc820d888\"").matches("^(?:W/)?\"[^\"]+\"$");
            assertThat(r.text()).isEqualTo("tobi");
        }

        @Test
        @DisplayName("7 should 304 when ETag matches")
        void etagMatches() {
            App app = app((req, res) -> res.sendFile(fixture("name.txt")));
            String etag = get(app, "/").header("ETag");
            RawResponse r = get(app, "/", "If-None-Match", etag);
            assertThat(r.status()).isEqualTo(304);
            assertThat(r.body()).isEmpty();
        }

        @Test
        @DisplayName("8 should disable the ETag function if requested")
        void etagDisabled() {
            App app = app((req, res) -> res.sendFile(fixture("name.txt")));
            app.disable("etag");
            RawResponse r = get(app, "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("ETag")).isFalse();
        }

        @Test
        @DisplayName("9 should 404 for directory (next() to the app's 404)")
        void directory() {
            RawResponse r = get(app((req, res) -> res.sendFile(fixture("blog"))), "/");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("<pre>Cannot GET /</pre>");
        }

        @Test
        @DisplayName("10 should 404 when not found, skipping normal middleware")
        void notFound() {
            App app = app((req, res) -> res.sendFile(fixture("does-no-exist")));
            app.use((req, res) -> res.status(200).send("no!"));
            RawResponse r = get(app, "/");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text())
                    .contains(Html.escape(
                            "Error: ENOENT: no such file or directory, stat '" + fixture("does-no-exist") + "'"));
        }

        @Test
        @DisplayName("11 should send cache-control by default")
        void cacheControl() {
            RawResponse r = get(app((req, res) -> res.sendFile(fixture("name.txt"))), "/");
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=0");
            assertThat(r.status()).isEqualTo(200);
        }

        @Test
        @DisplayName("12 should not serve dotfiles by default")
        void dotfiles() {
            RawResponse r = get(app((req, res) -> res.sendFile(fixture(".name"))), "/");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("NotFoundError: Not Found");
        }

        @Test
        @DisplayName("13 should not override manual content-types")
        void manualContentType() {
            RawResponse r = get(
                    app((req, res) -> {
                        res.contentType("application/x-bogus");
                        res.sendFile(fixture("name.txt"));
                    }),
                    "/");
            assertThat(r.header("Content-Type")).isEqualTo("application/x-bogus");
        }

        @Test
        @DisplayName("14 should not error if the client aborts")
        void clientAborts() throws Exception {
            CountDownLatch arrived = new CountDownLatch(1);
            CompletableFuture<Throwable> reachedErrorHandler = new CompletableFuture<>();
            CompletableFuture<Void> handlerDone = new CompletableFuture<>();
            App app = app((req, res) -> {
                arrived.countDown();
                awaitClientGone(res);
                res.sendFile(fixture("name.txt"));
                handlerDone.complete(null);
            });
            app.use((err, req, res, next) -> {
                reachedErrorHandler.complete(err);
                next.fail(err);
            });
            try (TestServer server = TestServer.serve(app);
                    RawClient client = server.connect()) {
                client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
                client.close();
                handlerDone.get(10, TimeUnit.SECONDS);
            }
            assertThat(reachedErrorHandler).isNotDone();
        }
    }

    @Nested
    @DisplayName(".sendFile(path, fn)")
    class PathCallback {
        @Test
        @DisplayName("15 should invoke the callback when complete")
        void complete() throws Exception {
            CompletableFuture<Throwable> called = new CompletableFuture<>();
            RawResponse r = get(app((req, res) -> res.sendFile(fixture("name.txt"), err -> called.complete(err))), "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("tobi");
            assertThat(called.get(10, TimeUnit.SECONDS)).isNull();
        }

        @Test
        @DisplayName("16 should invoke the callback when client aborts")
        void clientAborts() throws Exception {
            CountDownLatch arrived = new CountDownLatch(1);
            CompletableFuture<Throwable> called = new CompletableFuture<>();
            App app = app((req, res) -> {
                arrived.countDown();
                awaitClientGone(res);
                res.sendFile(fixture("name.txt"), called::complete);
            });
            try (TestServer server = TestServer.serve(app);
                    RawClient client = server.connect()) {
                client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
                client.close();
                Throwable err = called.get(10, TimeUnit.SECONDS);
                assertThat(err).isInstanceOf(ClientAbortException.class);
                assertThat(((ClientAbortException) err).code()).isEqualTo("ECONNABORTED");
            }
        }

        @Test
        @DisplayName("17 should invoke the callback when the response is already finished")
        void alreadyFinished() throws Exception {
            CompletableFuture<Throwable> called = new CompletableFuture<>();
            RawResponse r = get(
                    app((req, res) -> {
                        res.end("done");
                        res.sendFile(fixture("name.txt"), called::complete);
                    }),
                    "/");
            assertThat(r.text()).isEqualTo("done");
            Throwable err = called.get(10, TimeUnit.SECONDS);
            assertThat(err).isInstanceOf(ClientAbortException.class);
            assertThat(((ClientAbortException) err).code()).isEqualTo("ECONNABORTED");
        }

        @Test
        @DisplayName("18 should invoke the callback without error when HEAD")
        void head() throws Exception {
            CompletableFuture<Throwable> called = new CompletableFuture<>();
            RawResponse r =
                    request(app((req, res) -> res.sendFile(fixture("name.txt"), called::complete)), "HEAD", "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo("4");
            assertThat(called.get(10, TimeUnit.SECONDS)).isNull();
        }

        @Test
        @DisplayName("19 should invoke the callback without error when 304")
        void notModified() throws Exception {
            List<Throwable> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
            App app = app((req, res) -> res.sendFile(fixture("name.txt"), calls::add));
            RawResponse first = get(app, "/");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text()).isEqualTo("tobi");
            RawResponse second = get(app, "/", "If-None-Match", first.header("ETag"));
            assertThat(second.status()).isEqualTo(304);
            assertThat(calls).hasSize(2).containsOnlyNulls();
        }

        @Test
        @DisplayName("20 should invoke the callback on 404")
        void notFound() {
            RawResponse r = get(
                    app((req, res) -> res.sendFile(
                            fixture("does-not-exist"),
                            err -> res.send(
                                    err != null ? "got " + ((HttpError) err).status() + " error" : "no error"))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("got 404 error");
        }

        @Test
        @DisplayName("21 should run the callback on the handler's thread (AsyncLocalStorage's Java analogue)")
        void persistsContext() throws Exception {
            ThreadLocal<String> store = new ThreadLocal<>();
            CompletableFuture<String> seen = new CompletableFuture<>();
            App app = Express.app();
            app.set("env", "test");
            app.use((req, res, next) -> {
                store.set("bar");
                next.run();
            });
            app.use((req, res) -> res.sendFile(fixture("name.txt"), err -> seen.complete(store.get())));
            RawResponse r = get(app, "/");
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("tobi");
            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("bar");
        }

        @Test
        @DisplayName("22 should persist the context on error")
        void persistsContextOnError() {
            ThreadLocal<String> store = new ThreadLocal<>();
            App app = Express.app();
            app.set("env", "test");
            app.use((req, res, next) -> {
                store.set("bar");
                next.run();
            });
            app.use((req, res) -> res.sendFile(fixture("does-not-exist"), err -> {
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
    @DisplayName(".sendFile(path, options)")
    class PathOptions {
        RawResponse send(String name, SendFileOptions options, String... headers) {
            return get(app((req, res) -> res.sendFile(fixture(name), options)), "/", headers);
        }

        @Test
        @DisplayName("23 should pass options to send module")
        void startEnd() {
            RawResponse r = send("name.txt", new SendFileOptions().start(0).end(1));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("to");
        }

        @Test
        @DisplayName("24 acceptRanges true: should advertise byte range accepted")
        void acceptRanges() {
            RawResponse r = send("nums.txt", new SendFileOptions().acceptRanges(true));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("25 acceptRanges true: should respond to range request")
        void rangeRequest() {
            RawResponse r = send("nums.txt", new SendFileOptions().acceptRanges(true), "Range", "bytes=0-4");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.text()).isEqualTo("12345");
        }

        @Test
        @DisplayName("26 acceptRanges false: should not advertise accept-ranges")
        void noAcceptRanges() {
            RawResponse r = send("nums.txt", new SendFileOptions().acceptRanges(false));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("Accept-Ranges")).isFalse();
        }

        @Test
        @DisplayName("27 acceptRanges false: should not honor range requests")
        void rangeIgnored() {
            RawResponse r = send("nums.txt", new SendFileOptions().acceptRanges(false), "Range", "bytes=0-4");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("28 cacheControl true: should send cache-control header")
        void cacheControlOn() {
            RawResponse r = send("user.html", new SendFileOptions().cacheControl(true));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=0");
        }

        @Test
        @DisplayName("29 cacheControl false: should not send cache-control header")
        void cacheControlOff() {
            RawResponse r = send("user.html", new SendFileOptions().cacheControl(false));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("Cache-Control")).isFalse();
        }

        @Test
        @DisplayName("30 dotfiles allow: should allow dotfiles")
        void dotfilesAllow() {
            RawResponse r = send(".name", new SendFileOptions().dotfiles("allow"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("tobi".getBytes());
        }

        @Test
        @DisplayName("31 dotfiles deny: should deny dotfiles")
        void dotfilesDeny() {
            RawResponse r = send(".name", new SendFileOptions().dotfiles("deny"));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.text()).contains("Forbidden");
        }

        @Test
        @DisplayName("32 dotfiles ignore: should ignore dotfiles")
        void dotfilesIgnore() {
            RawResponse r = send(".name", new SendFileOptions().dotfiles("ignore"));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("Not Found");
        }

        @Test
        @DisplayName("33 headers: should set headers on response")
        void headers() {
            RawResponse r = send("user.html", new SendFileOptions().headers(Map.of("X-Foo", "Bar", "X-Bar", "Foo")));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-Foo")).isEqualTo("Bar");
            assertThat(r.header("X-Bar")).isEqualTo("Foo");
        }

        @Test
        @DisplayName("34 headers: should use last header when duplicated")
        void duplicatedHeader() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Foo", "Bar");
            headers.put("x-foo", "bar");
            RawResponse r = send("user.html", new SendFileOptions().headers(headers));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers("X-Foo")).containsExactly("bar");
        }

        @Test
        @DisplayName("35 headers: should override Content-Type")
        void overrideContentType() {
            RawResponse r = send("user.html", new SendFileOptions().headers(Map.of("Content-Type", "text/x-custom")));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/x-custom");
        }

        @Test
        @DisplayName("36 headers: should not set headers on 404")
        void noHeadersOn404() {
            RawResponse r = send("does-not-exist", new SendFileOptions().headers(Map.of("X-Foo", "Bar")));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.hasHeader("X-Foo")).isFalse();
        }

        @Test
        @DisplayName("37 immutable true: should send cache-control header with immutable")
        void immutable() {
            RawResponse r = send("user.html", new SendFileOptions().immutable(true));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=0, immutable");
        }

        @Test
        @DisplayName("38 immutable false: should not send cache-control header with immutable")
        void notImmutable() {
            RawResponse r = send("user.html", new SendFileOptions().immutable(false));
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=0");
        }

        @Test
        @DisplayName("39 lastModified true: should send last-modified header")
        void lastModified() {
            RawResponse r = send("user.html", new SendFileOptions().lastModified(true));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Last-Modified")).isEqualTo(LAST_MODIFIED);
        }

        @Test
        @DisplayName("40 lastModified true: should conditionally respond with if-modified-since")
        void ifModifiedSince() {
            String future = io.express4j.http.HttpDates.format(System.currentTimeMillis() + 99_999);
            RawResponse r = send("user.html", new SendFileOptions().lastModified(true), "If-Modified-Since", future);
            assertThat(r.status()).isEqualTo(304);
        }

        @Test
        @DisplayName("41 lastModified false: should not have last-modified header")
        void noLastModified() {
            RawResponse r = send("user.html", new SendFileOptions().lastModified(false));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("Last-Modified")).isFalse();
        }

        @Test
        @DisplayName("42 lastModified false: should not honor if-modified-since")
        void ifModifiedSinceIgnored() {
            String future = io.express4j.http.HttpDates.format(System.currentTimeMillis() + 99_999);
            RawResponse r = send("user.html", new SendFileOptions().lastModified(false), "If-Modified-Since", future);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("Last-Modified")).isFalse();
        }

        @Test
        @DisplayName("43 maxAge: should set cache-control max-age to milliseconds")
        void maxAgeMillis() {
            assertThat(send("user.html", new SendFileOptions().maxAge(20000)).header("Cache-Control"))
                    .isEqualTo("public, max-age=20");
        }

        @Test
        @DisplayName("44 maxAge: should cap cache-control max-age to 1 year")
        void maxAgeCap() {
            assertThat(send("user.html", new SendFileOptions().maxAge(99999999999d))
                            .header("Cache-Control"))
                    .isEqualTo("public, max-age=31536000");
        }

        @Test
        @DisplayName("45 maxAge: should min cache-control max-age to 0")
        void maxAgeMin() {
            assertThat(send("user.html", new SendFileOptions().maxAge(-20000)).header("Cache-Control"))
                    .isEqualTo("public, max-age=0");
        }

        @Test
        @DisplayName("46 maxAge: should floor cache-control max-age")
        void maxAgeFloor() {
            assertThat(send("user.html", new SendFileOptions().maxAge(21911.23)).header("Cache-Control"))
                    .isEqualTo("public, max-age=21");
        }

        @Test
        @DisplayName("47 maxAge with cacheControl false: should not send cache-control")
        void maxAgeWithoutCacheControl() {
            RawResponse r =
                    send("user.html", new SendFileOptions().cacheControl(false).maxAge(20000));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("Cache-Control")).isFalse();
        }

        @Test
        @DisplayName("48 maxAge string: should accept plain number as milliseconds")
        void maxAgeString() {
            assertThat(send("user.html", new SendFileOptions().maxAge("20000")).header("Cache-Control"))
                    .isEqualTo("public, max-age=20");
        }

        @Test
        @DisplayName("49 maxAge string: should accept suffix \"s\" for seconds")
        void maxAgeSeconds() {
            assertThat(send("user.html", new SendFileOptions().maxAge("20s")).header("Cache-Control"))
                    .isEqualTo("public, max-age=20");
        }

        @Test
        @DisplayName("50 maxAge string: should accept suffix \"m\" for minutes")
        void maxAgeMinutes() {
            assertThat(send("user.html", new SendFileOptions().maxAge("20m")).header("Cache-Control"))
                    .isEqualTo("public, max-age=1200");
        }

        @Test
        @DisplayName("51 maxAge string: should accept suffix \"d\" for days")
        void maxAgeDays() {
            assertThat(send("user.html", new SendFileOptions().maxAge("20d")).header("Cache-Control"))
                    .isEqualTo("public, max-age=1728000");
        }
    }

    @Nested
    @DisplayName("with \"root\" option")
    class Root {
        RawResponse send(String path) {
            return get(
                    app((req, res) -> res.sendFile(
                            path, new SendFileOptions().root(fixtures().toString()))),
                    "/");
        }

        @Test
        @DisplayName("52 should allow relative path")
        void relative() {
            RawResponse r = send("name.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("tobi");
        }

        @Test
        @DisplayName("53 should allow up within root")
        void upWithinRoot() {
            RawResponse r = send("fake/../name.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("tobi");
        }

        @Test
        @DisplayName("54 should reject up outside root")
        void upOutsideRoot() {
            RawResponse r = send("../" + fixtures().getFileName() + "/name.txt");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.text()).contains("ForbiddenError: Forbidden");
        }

        @Test
        @DisplayName("55 should reject reading outside root")
        void outsideRoot() {
            RawResponse r = send("../name.txt");
            assertThat(r.status()).isEqualTo(403);
        }
    }

    @Nested
    @DisplayName("EXPRESS.md §9 captures (res.sendFile('nums.txt', {root: files}))")
    class Captures {
        App oracle() {
            App app = Express.app();
            app.set("env", "development");
            String root = files().toString();
            app.get("/file", (req, res) -> res.sendFile("nums.txt", new SendFileOptions().root(root)));
            app.get("/file/missing", (req, res) -> res.sendFile("nope.txt", new SendFileOptions().root(root)));
            app.get("/file/dotfile", (req, res) -> res.sendFile(".name", new SendFileOptions().root(root)));
            app.get("/file/traversal", (req, res) -> res.sendFile("../app.js", new SendFileOptions().root(root)));
            app.get(
                    "/file/maxage",
                    (req, res) -> res.sendFile(
                            "hello.txt",
                            new SendFileOptions()
                                    .root(root)
                                    .maxAge("1d")
                                    .immutable(true)
                                    .headers(Map.of("X-Extra", "yes"))));
            return app;
        }

        private static final List<String> VALIDATORS =
                List.of("X-Powered-By", "Accept-Ranges", "Cache-Control", "Last-Modified", "ETag");

        @Test
        void file() {
            RawResponse r = get(oracle(), "/file");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.reason()).isEqualTo("OK");
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Accept-Ranges",
                            "Cache-Control",
                            "Last-Modified",
                            "ETag",
                            "Content-Type",
                            "Content-Length",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=0");
            assertThat(r.header("Last-Modified")).isEqualTo(LAST_MODIFIED);
            assertThat(r.header("ETag")).isEqualTo("W/\"9-18cc820d888\"");
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.header("Content-Length")).isEqualTo("9");
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        void range() {
            RawResponse r = get(oracle(), "/file", "Range", "bytes=0-4");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.reason()).isEqualTo("Partial Content");
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Accept-Ranges",
                            "Cache-Control",
                            "Last-Modified",
                            "ETag",
                            "Content-Type",
                            "Content-Range",
                            "Content-Length",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            assertThat(r.header("Content-Range")).isEqualTo("bytes 0-4/9");
            assertThat(r.header("Content-Length")).isEqualTo("5");
            assertThat(r.text()).isEqualTo("12345");
        }

        @Test
        void suffixRange() {
            RawResponse r = get(oracle(), "/file", "Range", "bytes=-3");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.header("Content-Range")).isEqualTo("bytes 6-8/9");
            assertThat(r.header("Content-Length")).isEqualTo("3");
            assertThat(r.text()).isEqualTo("789");
        }

        @Test
        void unsatisfiable() {
            RawResponse r = get(oracle(), "/file", "Range", "bytes=9-50");
            assertThat(r.status()).isEqualTo(416);
            assertThat(r.reason()).isEqualTo("Range Not Satisfiable");
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Accept-Ranges",
                            "Cache-Control",
                            "Last-Modified",
                            "ETag",
                            "Content-Type",
                            "Content-Range",
                            "Content-Security-Policy",
                            "X-Content-Type-Options",
                            "Content-Length",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.header("Content-Range")).isEqualTo("bytes */9");
            assertThat(r.text())
                    .startsWith(
                            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                    + "<title>Error</title>\n</head>\n<body>\n<pre>RangeNotSatisfiableError: Range Not Satisfiable<br>");
        }

        @Test
        void ifRangeMismatch() {
            RawResponse r = get(oracle(), "/file", "Range", "bytes=0-1", "If-Range", "\"bogus\"");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("Content-Range")).isFalse();
            assertThat(r.header("Content-Length")).isEqualTo("9");
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        void ifNoneMatch() {
            RawResponse r = get(oracle(), "/file", "If-None-Match", "W/\"9-18cc820d888\"");
            assertThat(r.status()).isEqualTo(304);
            assertThat(r.reason()).isEqualTo("Not Modified");
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Accept-Ranges",
                            "Cache-Control",
                            "Last-Modified",
                            "ETag",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            assertThat(r.body()).isEmpty();
        }

        @Test
        void ifModifiedSince() {
            RawResponse r = get(oracle(), "/file", "If-Modified-Since", LAST_MODIFIED);
            assertThat(r.status()).isEqualTo(304);
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Accept-Ranges",
                            "Cache-Control",
                            "Last-Modified",
                            "ETag",
                            "Date",
                            "Connection",
                            "Keep-Alive");
        }

        @Test
        void ifMatchFails() {
            RawResponse r = get(oracle(), "/file", "If-Match", "\"nope\"");
            assertThat(r.status()).isEqualTo(412);
            assertThat(r.reason()).isEqualTo("Precondition Failed");
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Accept-Ranges",
                            "Cache-Control",
                            "Last-Modified",
                            "ETag",
                            "Content-Type",
                            "Content-Security-Policy",
                            "X-Content-Type-Options",
                            "Content-Length",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            assertThat(r.text()).contains("<pre>PreconditionFailedError: Precondition Failed<br>");
        }

        @Test
        void head() {
            RawResponse r = request(oracle(), "HEAD", "/file");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Accept-Ranges",
                            "Cache-Control",
                            "Last-Modified",
                            "ETag",
                            "Content-Type",
                            "Content-Length",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            assertThat(r.header("Content-Length")).isEqualTo("9");
        }

        @Test
        void missing() {
            RawResponse r = get(oracle(), "/file/missing");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Content-Security-Policy",
                            "X-Content-Type-Options",
                            "Content-Type",
                            "Content-Length",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            String body = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    + "<title>Error</title>\n</head>\n<body>\n<pre>Error: ENOENT: no such file or directory, stat "
                    + "&#39;" + files().resolve("nope.txt") + "&#39;</pre>\n</body>\n</html>\n";
            assertThat(r.text()).isEqualTo(body);
            assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(body.length()));
        }

        @Test
        void missingInProduction() {
            App app = oracle();
            app.set("env", "production");
            RawResponse r = get(app, "/file/missing");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.header("Content-Length")).isEqualTo("136");
            assertThat(r.text())
                    .isEqualTo("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                            + "<title>Error</title>\n</head>\n<body>\n<pre>Not Found</pre>\n</body>\n</html>\n");
        }

        @Test
        void dotfile() {
            RawResponse r = get(oracle(), "/file/dotfile");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("<pre>NotFoundError: Not Found<br>");
        }

        @Test
        void traversal() {
            RawResponse r = get(oracle(), "/file/traversal");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.text()).contains("<pre>ForbiddenError: Forbidden<br>");
        }

        @Test
        void maxAgeImmutableHeaders() {
            RawResponse r = get(oracle(), "/file/maxage");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "X-Extra",
                            "Accept-Ranges",
                            "Cache-Control",
                            "Last-Modified",
                            "ETag",
                            "Content-Type",
                            "Content-Length",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            assertThat(r.header("X-Extra")).isEqualTo("yes");
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=86400, immutable");
            assertThat(r.header("ETag")).isEqualTo("W/\"b-18cc820d888\"");
            assertThat(r.text()).isEqualTo("hello file\n");
        }
    }

    /** Guard against a stale header-order assumption: validators precede the type in every file response. */
    @Test
    void validatorsPrecedeType() {
        RawResponse r = get(app((req, res) -> res.sendFile(fixture("nums.txt"))), "/");
        assertThat(r.headerNames().subList(0, 5)).containsExactlyElementsOf(Captures.VALIDATORS);
    }

    @Test
    void etagOfCaptureFile() {
        AtomicReference<String> seen = new AtomicReference<>();
        RawResponse r = get(
                app((req, res) -> res.sendFile(
                        "nums.txt",
                        new SendFileOptions().root(files().toString()),
                        err -> seen.set(String.valueOf(err)))),
                "/");
        assertThat(r.header("ETag")).isEqualTo("W/\"9-18cc820d888\"");
        assertThat(seen.get()).isEqualTo("null");
    }
}
