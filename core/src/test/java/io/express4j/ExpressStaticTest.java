package io.express4j;

import static io.express4j.support.FileFixtures.LAST_MODIFIED;
import static io.express4j.support.FileFixtures.files;
import static io.express4j.support.FileFixtures.fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Express's test/express.static.js: the 90 cases of EXPRESS.md §6.5, numbered as there. Unless a case says
 * otherwise the app is {@code staticFiles(fixtures, opts)} then {@code res.sendStatus(404)}, so falling through
 * shows as a plain {@code Not Found} and a forwarded error as the error page.
 */
class ExpressStaticTest {

    static App createApp(StaticOptions options) {
        return createApp(fixtures().toString(), options);
    }

    static App createApp(String root, StaticOptions options) {
        App app = Express.app();
        app.set("env", "test");
        app.use(options == null ? Express.staticFiles(root) : Express.staticFiles(root, options));
        app.use((req, res) -> res.sendStatus(404));
        return app;
    }

    static RawResponse request(App app, String method, String path, String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) map.put(headers[i], headers[i + 1]);
        try (TestServer server = TestServer.serve(app)) {
            return server.request(method, path, map);
        }
    }

    static RawResponse get(App app, String path, String... headers) {
        return request(app, "GET", path, headers);
    }

    static void assertFellThrough(RawResponse r) {
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.text()).isEqualTo("Not Found");
    }

    /** One server for a group of requests against the same app (the before() hooks of the JS suite). */
    abstract static class Shared {
        TestServer server;

        abstract App app();

        @BeforeAll
        void start() {
            server = TestServer.serve(app());
        }

        @AfterAll
        void stop() {
            server.close();
        }

        RawResponse request(String method, String path, String... headers) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < headers.length; i += 2) map.put(headers[i], headers[i + 1]);
            return server.request(method, path, map);
        }

        RawResponse get(String path, String... headers) {
            return request("GET", path, headers);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("basic operations")
    class Basic extends Shared {
        @Override
        App app() {
            return createApp(null);
        }

        @Test
        @DisplayName("1 should require root path")
        void requireRoot() {
            assertThatThrownBy(() -> Express.staticFiles(null)).hasMessageContaining("root path required");
        }

        @Test
        @DisplayName("2 should require root path to be string: only String roots compile")
        void rootString() {
            List<String> firstParameters = Arrays.stream(Express.class.getMethods())
                    .filter(m -> m.getName().equals("staticFiles"))
                    .map(Method::getParameterTypes)
                    .map(p -> p[0].getName())
                    .distinct()
                    .toList();
            assertThat(firstParameters).containsExactly(String.class.getName());
        }

        @Test
        @DisplayName("3 should serve static files")
        void serve() {
            RawResponse r = get("/todo.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("- groceries");
        }

        @Test
        @DisplayName("4 should support nesting")
        void nesting() {
            RawResponse r = get("/users/tobi.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ferret");
        }

        @Test
        @DisplayName("5 should set Content-Type")
        void contentType() {
            RawResponse r = get("/todo.txt");
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.status()).isEqualTo(200);
        }

        @Test
        @DisplayName("6 should set Last-Modified")
        void lastModified() {
            RawResponse r = get("/todo.txt");
            assertThat(r.header("Last-Modified")).isEqualTo(LAST_MODIFIED).containsPattern("\\d{2} \\w{3} \\d{4}");
        }

        @Test
        @DisplayName("7 should default max-age=0")
        void maxAge() {
            assertThat(get("/todo.txt").header("Cache-Control")).isEqualTo("public, max-age=0");
        }

        @Test
        @DisplayName("8 should support urlencoded pathnames")
        void urlencoded() {
            RawResponse r = get("/%25%20of%20dogs.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("20%");
        }

        @Test
        @DisplayName("9 should not choke on auth-looking URL")
        void authLooking() {
            assertFellThrough(get("//todo@txt"));
        }

        @Test
        @DisplayName("10 should support index.html")
        void index() {
            RawResponse r = get("/users/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.text()).isEqualTo("<p>tobi, loki, jane</p>");
        }

        @Test
        @DisplayName("11 should support ../")
        void dotDot() {
            RawResponse r = get("/users/../todo.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("- groceries");
        }

        @Test
        @DisplayName("12 should support HEAD")
        void head() {
            RawResponse r = request("HEAD", "/todo.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo("11");
            assertThat(r.body()).isEmpty();
        }

        @Test
        @DisplayName("13 should skip POST requests")
        void post() {
            assertFellThrough(request("POST", "/todo.txt"));
        }

        @Test
        @DisplayName("14 should support conditional requests")
        void conditional() {
            String etag = get("/todo.txt").header("ETag");
            assertThat(etag).isEqualTo("W/\"b-18cc820d888\"");
            RawResponse r = get("/todo.txt", "If-None-Match", etag);
            assertThat(r.status()).isEqualTo(304);
        }

        @Test
        @DisplayName("15 should support precondition checks")
        void precondition() {
            RawResponse r = get("/todo.txt", "If-Match", "\"foo\"");
            assertThat(r.status()).isEqualTo(412);
            assertThat(r.text()).contains("PreconditionFailedError: Precondition Failed");
        }

        @Test
        @DisplayName("16 should serve zero-length files")
        void empty() {
            RawResponse r = get("/empty.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo("0");
            assertThat(r.body()).isEmpty();
        }

        @Test
        @DisplayName("17 should ignore hidden files")
        void hidden() {
            assertFellThrough(get("/.name"));
        }
    }

    @Test
    @DisplayName("18 current dir: should be served with \".\"")
    void currentDir() throws Exception {
        // "." is the working directory, so this one serves the classpath's fixtures, not the temporary copy
        Path cwd = Path.of("").toAbsolutePath();
        String relative = cwd.relativize(classpathFixtures()).toString().replace('\\', '/');
        assertThat(relative).doesNotStartWith("..");
        RawResponse r = get(createApp(".", null), "/" + relative + "/todo.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("- groceries");
    }

    private static Path classpathFixtures() throws Exception {
        return Path.of(ExpressStaticTest.class.getResource("/fixtures").toURI());
    }

    @Nested
    @DisplayName("acceptRanges")
    class AcceptRanges {
        @Test
        @DisplayName("19 when false: should not include Accept-Ranges")
        void off() {
            RawResponse r = get(createApp(new StaticOptions().acceptRanges(false)), "/nums.txt");
            assertThat(r.hasHeader("Accept-Ranges")).isFalse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("20 when false: should ignore Range request header")
        void offIgnoresRange() {
            RawResponse r = get(createApp(new StaticOptions().acceptRanges(false)), "/nums.txt", "Range", "bytes=0-3");
            assertThat(r.hasHeader("Accept-Ranges")).isFalse();
            assertThat(r.hasHeader("Content-Range")).isFalse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("21 when true: should include Accept-Ranges")
        void on() {
            RawResponse r = get(createApp(new StaticOptions().acceptRanges(true)), "/nums.txt");
            assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("22 when true: should obey Range request header")
        void onObeysRange() {
            RawResponse r = get(createApp(new StaticOptions().acceptRanges(true)), "/nums.txt", "Range", "bytes=0-3");
            assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(r.header("Content-Range")).isEqualTo("bytes 0-3/9");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.text()).isEqualTo("1234");
        }
    }

    @Nested
    @DisplayName("cacheControl")
    class CacheControl {
        @Test
        @DisplayName("23 when false: should not include Cache-Control")
        void off() {
            RawResponse r = get(createApp(new StaticOptions().cacheControl(false)), "/nums.txt");
            assertThat(r.hasHeader("Cache-Control")).isFalse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("24 when false: should ignore maxAge")
        void offIgnoresMaxAge() {
            RawResponse r =
                    get(createApp(new StaticOptions().cacheControl(false).maxAge(12000)), "/nums.txt");
            assertThat(r.hasHeader("Cache-Control")).isFalse();
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("25 when true: should include Cache-Control")
        void on() {
            RawResponse r = get(createApp(new StaticOptions().cacheControl(true)), "/nums.txt");
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=0");
            assertThat(r.text()).isEqualTo("123456789");
        }
    }

    @Nested
    @DisplayName("extensions")
    class Extensions {
        @Test
        @DisplayName("26 should be not be enabled by default")
        void byDefault() {
            assertFellThrough(get(createApp(null), "/todo"));
        }

        @Test
        @DisplayName("27 should be configurable")
        void configurable() {
            RawResponse r = get(createApp(new StaticOptions().extensions("txt")), "/todo");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("- groceries");
        }

        @Test
        @DisplayName("28 should support disabling extensions")
        void disabled() {
            assertFellThrough(get(createApp(new StaticOptions().extensions(List.of())), "/todo"));
        }

        @Test
        @DisplayName("29 should support fallbacks")
        void fallbacks() {
            RawResponse r = get(createApp(new StaticOptions().extensions("htm", "html", "txt")), "/todo");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("<li>groceries</li>");
        }

        @Test
        @DisplayName("30 should 404 if nothing found")
        void nothingFound() {
            assertFellThrough(get(createApp(new StaticOptions().extensions("htm", "html", "txt")), "/bob"));
        }
    }

    @Nested
    @DisplayName("fallthrough")
    class Fallthrough {
        private final String longRoot = fixtures() + "/foobar".repeat(9999);

        @Test
        @DisplayName("31 should default to true")
        void byDefault() {
            assertFellThrough(get(createApp(null), "/does-not-exist"));
        }

        @Test
        @DisplayName("32 when true: should fall-through when OPTIONS request")
        void options() {
            assertFellThrough(request(createApp(new StaticOptions().fallthrough(true)), "OPTIONS", "/todo.txt"));
        }

        @Test
        @DisplayName("33 when true: should fall-through when URL malformed")
        void malformed() {
            assertFellThrough(get(createApp(new StaticOptions().fallthrough(true)), "/%"));
        }

        @Test
        @DisplayName("34 when true: should fall-through when traversing past root")
        void traversing() {
            assertFellThrough(get(createApp(new StaticOptions().fallthrough(true)), "/users/../../todo.txt"));
        }

        @Test
        @DisplayName("35 when true: should fall-through when URL too long")
        void tooLong() {
            assertFellThrough(get(createApp(longRoot, new StaticOptions().fallthrough(true)), "/"));
        }

        @Test
        @DisplayName("36 when true, redirect true: should fall-through when directory")
        void directory() {
            assertFellThrough(
                    get(createApp(new StaticOptions().fallthrough(true).redirect(true)), "/pets/"));
        }

        @Test
        @DisplayName("37 when true, redirect true: should redirect when directory without slash")
        void redirect() {
            RawResponse r = get(createApp(new StaticOptions().fallthrough(true).redirect(true)), "/pets");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.text()).contains("Redirecting");
        }

        @Test
        @DisplayName("38 when true, redirect false: should fall-through when directory")
        void noRedirectDirectory() {
            assertFellThrough(
                    get(createApp(new StaticOptions().fallthrough(true).redirect(false)), "/pets/"));
        }

        @Test
        @DisplayName("39 when true, redirect false: should fall-through when directory without slash")
        void noRedirectNoSlash() {
            assertFellThrough(
                    get(createApp(new StaticOptions().fallthrough(true).redirect(false)), "/pets"));
        }

        @Test
        @DisplayName("40 when false: should 405 when OPTIONS request")
        void options405() {
            RawResponse r = request(createApp(new StaticOptions().fallthrough(false)), "OPTIONS", "/todo.txt");
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(r.header("Content-Length")).isEqualTo("0");
            assertThat(r.body()).isEmpty();
        }

        @Test
        @DisplayName("41 when false: should 400 when URL malformed")
        void malformed400() {
            RawResponse r = get(createApp(new StaticOptions().fallthrough(false)), "/%");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("BadRequestError: Bad Request");
        }

        @Test
        @DisplayName("42 when false: should 403 when traversing past root")
        void traversing403() {
            RawResponse r = get(createApp(new StaticOptions().fallthrough(false)), "/users/../../todo.txt");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.text()).contains("ForbiddenError: Forbidden");
        }

        @Test
        @DisplayName("43 when false: should 404 when URL too long")
        void tooLong404() {
            RawResponse r = get(createApp(longRoot, new StaticOptions().fallthrough(false)), "/");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("ENAMETOOLONG");
        }

        @Test
        @DisplayName("44 when false, redirect true: should 404 when directory")
        void directory404() {
            RawResponse r = get(createApp(new StaticOptions().fallthrough(false).redirect(true)), "/pets/");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).containsPattern("NotFoundError|ENOENT");
        }

        @Test
        @DisplayName("45 when false, redirect true: should redirect when directory without slash")
        void redirect301() {
            RawResponse r = get(createApp(new StaticOptions().fallthrough(false).redirect(true)), "/pets");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.text()).contains("Redirecting");
        }

        @Test
        @DisplayName("46 when false, redirect false: should 404 when directory")
        void noRedirectDirectory404() {
            RawResponse r = get(createApp(new StaticOptions().fallthrough(false).redirect(false)), "/pets/");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).containsPattern("NotFoundError|ENOENT");
        }

        @Test
        @DisplayName("47 when false, redirect false: should 404 when directory without slash")
        void noRedirectNoSlash404() {
            RawResponse r = get(createApp(new StaticOptions().fallthrough(false).redirect(false)), "/pets");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).containsPattern("NotFoundError|ENOENT");
        }
    }

    @Test
    @DisplayName("48 hidden files: should be served when dotfiles: \"allow\" is given")
    void dotfilesAllow() {
        RawResponse r = get(createApp(new StaticOptions().dotfiles("allow")), "/.name");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("tobi".getBytes());
    }

    @Nested
    @DisplayName("immutable, lastModified, maxAge")
    class Caching {
        @Test
        @DisplayName("49 immutable should default to false")
        void immutableDefault() {
            assertThat(get(createApp(null), "/nums.txt").header("Cache-Control"))
                    .isEqualTo("public, max-age=0");
        }

        @Test
        @DisplayName("50 should set immutable directive in Cache-Control")
        void immutable() {
            RawResponse r = get(createApp(new StaticOptions().immutable(true).maxAge("1h")), "/nums.txt");
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=3600, immutable");
        }

        @Test
        @DisplayName("51 lastModified false: should not include Last-Modified")
        void noLastModified() {
            RawResponse r = get(createApp(new StaticOptions().lastModified(false)), "/nums.txt");
            assertThat(r.hasHeader("Last-Modified")).isFalse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("52 lastModified true: should include Last-Modified")
        void lastModified() {
            RawResponse r = get(createApp(new StaticOptions().lastModified(true)), "/nums.txt");
            assertThat(r.header("Last-Modified")).matches("^\\w{3}, \\d+ \\w+ \\d+ \\d+:\\d+:\\d+ \\w+$");
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("53 maxAge should accept string")
        void maxAgeString() {
            RawResponse r = get(createApp(new StaticOptions().maxAge("30d")), "/todo.txt");
            assertThat(r.header("cache-control")).isEqualTo("public, max-age=" + (60 * 60 * 24 * 30));
            assertThat(r.status()).isEqualTo(200);
        }

        @Test
        @DisplayName("54 maxAge should be reasonable when infinite")
        void maxAgeInfinite() {
            RawResponse r = get(createApp(new StaticOptions().maxAge(Double.POSITIVE_INFINITY)), "/todo.txt");
            assertThat(r.header("cache-control")).isEqualTo("public, max-age=" + (60 * 60 * 24 * 365));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("redirect")
    class Redirect extends Shared {
        @Override
        App app() {
            App app = Express.app();
            app.set("env", "test");
            app.use(Express.staticFiles(fixtures().toString()));
            return app;
        }

        @Test
        @DisplayName("55 should redirect directories")
        void directories() {
            RawResponse r = get("/users");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Location")).isEqualTo("/users/");
        }

        @Test
        @DisplayName("56 should include HTML link")
        void htmlLink() {
            RawResponse r = get("/users");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Location")).isEqualTo("/users/");
            assertThat(r.text()).contains("/users/");
        }

        @Test
        @DisplayName("57 should redirect directories with query string")
        void queryString() {
            RawResponse r = get("/users?name=john");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Location")).isEqualTo("/users/?name=john");
        }

        @Test
        @DisplayName("58 should not redirect to protocol-relative locations")
        void protocolRelative() {
            RawResponse r = get("//users");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Location")).isEqualTo("/users/");
        }

        @Test
        @DisplayName("59 should ensure redirect URL is properly encoded (the directory 'snow ☃')")
        void encoded() {
            RawResponse r = get("/snow%20%E2%98%83");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Location")).isEqualTo("/snow%20%E2%98%83/");
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
            assertThat(r.text()).contains(">Redirecting to /snow%20%E2%98%83/<");
        }

        @Test
        @DisplayName("60 should respond with default Content-Security-Policy")
        void csp() {
            RawResponse r = get("/users");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'");
        }

        @Test
        @DisplayName("61 should not redirect incorrectly")
        void notIncorrectly() {
            RawResponse r = get("/");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("Cannot GET /");
        }

        @Test
        @DisplayName("62 when false: should disable redirect")
        void disabled() {
            assertFellThrough(ExpressStaticTest.get(createApp(new StaticOptions().redirect(false)), "/users"));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("setHeaders")
    class SetHeaders extends Shared {
        @Override
        App app() {
            App app = Express.app();
            app.set("env", "test");
            app.use(Express.staticFiles(
                    fixtures().toString(),
                    new StaticOptions().setHeaders((res, path, stat) -> res.setHeader("x-custom", "set"))));
            return app;
        }

        @Test
        @DisplayName("63 should reject non-functions: only a SetHeaders compiles")
        void nonFunctions() throws Exception {
            Method setter = StaticOptions.class.getMethod("setHeaders", StaticOptions.SetHeaders.class);
            assertThat(setter.getParameterTypes()).containsExactly(StaticOptions.SetHeaders.class);
            assertThat(StaticOptions.SetHeaders.class.isAnnotationPresent(FunctionalInterface.class))
                    .isTrue();
        }

        @Test
        @DisplayName("64 should get called when sending file")
        void called() {
            RawResponse r = get("/nums.txt");
            assertThat(r.header("x-custom")).isEqualTo("set");
            assertThat(r.status()).isEqualTo(200);
        }

        @Test
        @DisplayName("65 should not get called on 404")
        void notOn404() {
            RawResponse r = get("/bogus");
            assertThat(r.hasHeader("x-custom")).isFalse();
            assertThat(r.status()).isEqualTo(404);
        }

        @Test
        @DisplayName("66 should not get called on redirect")
        void notOnRedirect() {
            RawResponse r = get("/users");
            assertThat(r.hasHeader("x-custom")).isFalse();
            assertThat(r.status()).isEqualTo(301);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("when traversing past root")
    class Traversing extends Shared {
        @Override
        App app() {
            return createApp(new StaticOptions().fallthrough(false));
        }

        @Test
        @DisplayName("67 should catch urlencoded ../")
        void urlencoded() {
            RawResponse r = get("/users/%2e%2e/%2e%2e/todo.txt");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.text()).contains("ForbiddenError");
        }

        @Test
        @DisplayName("68 should not allow root path disclosure")
        void disclosure() {
            RawResponse r = get("/users/../../fixtures/todo.txt");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.text()).doesNotContain(fixtures().toString());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("when request has \"Range\" header")
    class Range extends Shared {
        @Override
        App app() {
            return createApp(null);
        }

        @Test
        @DisplayName("69 should support byte ranges")
        void byteRanges() {
            assertThat(get("/nums.txt", "Range", "bytes=0-4").text()).isEqualTo("12345");
        }

        @Test
        @DisplayName("70 should be inclusive")
        void inclusive() {
            assertThat(get("/nums.txt", "Range", "bytes=0-0").text()).isEqualTo("1");
        }

        @Test
        @DisplayName("71 should set Content-Range")
        void contentRange() {
            assertThat(get("/nums.txt", "Range", "bytes=2-5").header("Content-Range"))
                    .isEqualTo("bytes 2-5/9");
        }

        @Test
        @DisplayName("72 should support -n")
        void suffix() {
            assertThat(get("/nums.txt", "Range", "bytes=-3").text()).isEqualTo("789");
        }

        @Test
        @DisplayName("73 should support n-")
        void openEnded() {
            assertThat(get("/nums.txt", "Range", "bytes=3-").text()).isEqualTo("456789");
        }

        @Test
        @DisplayName("74 should respond with 206 \"Partial Content\"")
        void partialContent() {
            RawResponse r = get("/nums.txt", "Range", "bytes=0-4");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.reason()).isEqualTo("Partial Content");
        }

        @Test
        @DisplayName("75 should set Content-Length to the # of octets transferred")
        void contentLength() {
            RawResponse r = get("/nums.txt", "Range", "bytes=2-3");
            assertThat(r.header("Content-Length")).isEqualTo("2");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.text()).isEqualTo("34");
        }

        @Test
        @DisplayName("76 last-byte-pos beyond the length is taken to be one less than the length")
        void clampedEnd() {
            assertThat(get("/nums.txt", "Range", "bytes=2-50").header("Content-Range"))
                    .isEqualTo("bytes 2-8/9");
        }

        @Test
        @DisplayName("77 should adapt the Content-Length accordingly")
        void clampedLength() {
            RawResponse r = get("/nums.txt", "Range", "bytes=2-50");
            assertThat(r.header("Content-Length")).isEqualTo("7");
            assertThat(r.status()).isEqualTo(206);
        }

        @Test
        @DisplayName("78 first-byte-pos beyond the length: should respond with 416")
        void unsatisfiable() {
            assertThat(get("/nums.txt", "Range", "bytes=9-50").status()).isEqualTo(416);
        }

        @Test
        @DisplayName("79 should include a Content-Range header of complete length")
        void unsatisfiableContentRange() {
            RawResponse r = get("/nums.txt", "Range", "bytes=9-50");
            assertThat(r.header("Content-Range")).isEqualTo("bytes */9");
            assertThat(r.status()).isEqualTo(416);
        }

        @Test
        @DisplayName("80 when syntactically invalid: should respond with 200 and the entire contents")
        void invalid() {
            RawResponse r = get("/nums.txt", "Range", "asdf");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }
    }

    @Test
    @DisplayName("81 when index at mount point: should redirect correctly")
    void indexAtMountPoint() {
        App app = Express.app();
        app.use("/users", Express.staticFiles(fixtures() + "/users"));
        RawResponse r = get(app, "/users");
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.header("Location")).isEqualTo("/users/");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("when mounted")
    class Mounted extends Shared {
        @Override
        App app() {
            App app = Express.app();
            app.set("env", "test");
            app.use("/static", Express.staticFiles(fixtures().toString()));
            return app;
        }

        @Test
        @DisplayName("82 should redirect relative to the originalUrl")
        void redirect() {
            RawResponse r = get("/static/users");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Location")).isEqualTo("/static/users/");
        }

        @Test
        @DisplayName("83 should not choke on auth-looking URL")
        void authLooking() {
            RawResponse r = get("//todo@txt");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("Cannot GET //todo@txt");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("when mounted \"root\" as a file")
    class RootFile extends Shared {
        @Override
        App app() {
            App app = Express.app();
            app.set("env", "test");
            app.use("/todo.txt", Express.staticFiles(fixtures() + "/todo.txt"));
            return app;
        }

        @Test
        @DisplayName("84 should load the file when on trailing slash")
        void load() {
            RawResponse r = get("/todo.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("- groceries");
        }

        @Test
        @DisplayName("85 should 404 when trailing slash")
        void trailingSlash() {
            assertThat(get("/todo.txt/").status()).isEqualTo(404);
        }
    }

    @Test
    @DisplayName("86 when responding non-2xx or 304: should not alter the status")
    void keepsStatus() {
        App app = Express.app();
        app.use((req, res, next) -> {
            res.status(501);
            next.run();
        });
        app.use(Express.staticFiles(fixtures().toString()));
        RawResponse r = get(app, "/todo.txt");
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.text()).isEqualTo("- groceries");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("when index file serving disabled")
    class IndexDisabled extends Shared {
        @Override
        App app() {
            App app = Express.app();
            app.set("env", "test");
            app.use("/static", Express.staticFiles(fixtures().toString(), new StaticOptions().index(false)));
            app.use((req, res) -> res.sendStatus(404));
            return app;
        }

        @Test
        @DisplayName("87 should next() on directory")
        void nextOnDirectory() {
            assertFellThrough(get("/static/users/"));
        }

        @Test
        @DisplayName("88 should redirect to trailing slash")
        void redirect() {
            RawResponse r = get("/static/users");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Location")).isEqualTo("/static/users/");
        }

        @Test
        @DisplayName("89 should next() on mount point")
        void nextOnMountPoint() {
            assertFellThrough(get("/static/"));
        }

        @Test
        @DisplayName("90 should redirect to trailing slash mount point")
        void redirectMountPoint() {
            RawResponse r = get("/static");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Location")).isEqualTo("/static/");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("EXPRESS.md §9 captures (express.static(files) at /static)")
    class Captures extends Shared {
        @Override
        App app() {
            App app = Express.app();
            app.use("/static", Express.staticFiles(files().toString()));
            return app;
        }

        @Test
        void directoryRedirect() {
            RawResponse r = get("/static/sub");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.reason()).isEqualTo("Moved Permanently");
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Content-Type",
                            "Content-Length",
                            "Content-Security-Policy",
                            "X-Content-Type-Options",
                            "Location",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
            assertThat(r.header("Content-Length")).isEqualTo("160");
            assertThat(r.header("Location")).isEqualTo("/static/sub/");
            assertThat(r.text())
                    .isEqualTo("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                            + "<title>Redirecting</title>\n</head>\n<body>\n<pre>Redirecting to /static/sub/</pre>\n</body>\n"
                            + "</html>\n");
        }

        @Test
        void index() {
            RawResponse r = get("/static/sub/");
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
            assertThat(r.header("ETag")).isEqualTo("W/\"c-18cc820d888\"");
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.text()).isEqualTo("<p>index</p>");
        }

        @Test
        void headOfRedirect() {
            RawResponse r = request("HEAD", "/static/sub");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("Content-Length")).isEqualTo("160");
            assertThat(r.body()).isEmpty();
        }
    }
}
