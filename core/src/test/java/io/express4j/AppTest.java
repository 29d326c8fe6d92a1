package io.express4j;

import static io.express4j.support.Expect.expectNotFound;
import static io.express4j.support.Expect.expectSent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Express's test/app.js: an app as middleware, app.parent, app.mountpath, app.path(), env defaults. */
class AppTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    /** Express: {@code typeof app === 'function'}, i.e. an app is a request handler usable anywhere. */
    @Test
    void shouldBeUsableAsMiddleware() {
        App blog = app();
        blog.get("/", (req, res) -> res.send("blog " + req.baseUrl()));
        Router router = Express.router();
        router.use("/blog", blog);
        App app = app();
        app.use(router);
        try (TestServer server = TestServer.serve(app)) {
            expectSent(server.get("/blog"), 200, "blog /blog");
        }
    }

    @Test
    void shouldRespond404WithoutRoutes() {
        try (TestServer server = TestServer.serve(app())) {
            expectNotFound(server.get("/"), "GET", "/");
        }
    }

    @Test
    void parentShouldReturnTheParentWhenMounted() {
        App app = app();
        App blog = app();
        App blogAdmin = app();
        app.use("/blog", blog);
        blog.use("/admin", blogAdmin);
        assertThat(app.parent()).isNull();
        assertThat(blog.parent()).isSameAs(app);
        assertThat(blogAdmin.parent()).isSameAs(blog);
    }

    @Test
    void mountpathShouldReturnTheMountedPath() {
        App admin = app();
        App app = app();
        App blog = app();
        App fallback = app();
        app.use("/blog", blog);
        app.use(fallback);
        blog.use("/admin", admin);
        assertThat(admin.mountpath()).isEqualTo("/admin");
        assertThat(app.mountpath()).isEqualTo("/");
        assertThat(blog.mountpath()).isEqualTo("/blog");
        assertThat(fallback.mountpath()).isEqualTo("/");
    }

    @Test
    void mountpathOfARegexOrSeveralPathsReadsAsInJavaScript() {
        App app = app();
        App byRegex = app();
        App byList = app();
        app.use(Pattern.compile("^/re"), byRegex);
        app.use(java.util.List.of("/a", "/b"), byList);
        assertThat(byRegex.mountpath()).isEqualTo("/^/re/");
        assertThat(byRegex.parent()).isSameAs(app);
        assertThat(byList.mountpath()).isEqualTo("/a,/b");
        assertThat(byList.path()).isEqualTo("/a,/b");
    }

    @Test
    void pathShouldReturnTheCanonical() {
        App app = app();
        App blog = app();
        App blogAdmin = app();
        app.use("/blog", blog);
        blog.use("/admin", blogAdmin);
        assertThat(app.path()).isEqualTo("");
        assertThat(blog.path()).isEqualTo("/blog");
        assertThat(blogAdmin.path()).isEqualTo("/blog/admin");
    }

    /** The process environment cannot be changed from a test: these run when neither variable is set. */
    @Nested
    class WithoutNodeEnv {
        static boolean envUnset() {
            return isBlank(System.getenv("EXPRESS_ENV")) && isBlank(System.getenv("NODE_ENV"));
        }

        static boolean isBlank(String s) {
            return s == null || s.isEmpty();
        }

        @Test
        void shouldDefaultToDevelopment() {
            assumeTrue(envUnset());
            assertThat(Express.app().get("env")).isEqualTo("development");
        }

        @Test
        void inDevelopmentShouldDisableViewCache() {
            assumeTrue(envUnset());
            assertThat(Express.app().enabled("view cache")).isFalse();
        }
    }

    /** Express 5.3: a sub-app reads the settings it did not set from its parent, but has its own defaults. */
    @Nested
    class SettingsWhenMounted {
        @Test
        void subAppInheritsUnsetSettingsButKeepsItsOwnDefaults() {
            App app = app();
            app.set("json spaces", 2);
            app.set("etag", false);
            app.disable("x-powered-by");
            app.set("title", "Parent");
            App sub = app();
            sub.get("/", (req, res) -> res.json(java.util.Map.of("title", sub.get("title"))));
            app.use("/sub", sub);
            app.get("/top", (req, res) -> res.json(java.util.Map.of("a", 1)));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse inSub = server.get("/sub");
                assertThat(inSub.text()).isEqualTo("{\n  \"title\": \"Parent\"\n}");
                assertThat(inSub.header("X-Powered-By")).isEqualTo("express4j");
                assertThat(inSub.header("ETag")).isEqualTo("W/\"17-P0HnxR3xKjDKnHRNuqColpapiMc\"");
                RawResponse top = server.get("/top");
                assertThat(top.text()).isEqualTo("{\n  \"a\": 1\n}");
                assertThat(top.hasHeader("X-Powered-By")).isFalse();
                assertThat(top.hasHeader("ETag")).isFalse();
            }
        }

        @Test
        void reqAppIsTheSubAppInsideAndTheParentAfter() {
            App app = app().set("name", "parent");
            App sub = app().set("name", "sub");
            sub.use((req, res, next) -> {
                res.setHeader("X-Inside", String.valueOf(req.app().get("name")));
                next.run();
            });
            app.use("/sub", sub);
            app.use((req, res) -> res.send("after " + req.app().get("name")));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/sub/x");
                expectSent(r, 200, "after parent");
                assertThat(r.header("X-Inside")).isEqualTo("sub");
            }
        }
    }
}
