package io.express4j;

import static io.express4j.support.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Express's test/req.route.js, then {@code req.routePath()} (an express4j extension). */
class ReqRouteTest {

    @Test
    void shouldBeTheExecutedRoute() {
        App app = Express.app().set("env", "test");
        app.get("/user/:id{/:op}", (req, res, next) -> {
            res.header("path-1", req.route().path());
            next.run();
        });
        app.get("/user/:id/edit", (req, res) -> {
            res.header("path-2", req.route().path());
            res.end();
        });
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.get("/user/12/edit");
            expect(r, 200, "");
            assertThat(r.header("path-1")).isEqualTo("/user/:id{/:op}");
            assertThat(r.header("path-2")).isEqualTo("/user/:id/edit");
        }
    }

    // ---- req.routePath() ----

    @Test
    void routePathIsTheRouteTemplateAtTopLevel() {
        App app = Express.app().set("env", "test");
        app.get("/users/:id", (req, res) -> res.end(req.routePath()));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/users/42"), 200, "/users/:id");
        }
    }

    @Test
    void routePathPutsTheMountTemplatesBeforeTheRoute() {
        App app = Express.app().set("env", "test");
        Router users = Express.router(new RouterOptions().mergeParams(true));
        users.get("/posts/:post", (req, res) -> res.end(req.routePath() + " " + req.baseUrl()));
        Router api = Express.router();
        api.use("/users/:uid", users);
        app.use("/api", api);
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/api/users/7/posts/9"), 200, "/api/users/:uid/posts/:post /api/users/7");
        }
    }

    @Test
    void routePathDropsTheTrailingSlashOfAMountPath() {
        App app = Express.app().set("env", "test");
        Router api = Express.router();
        api.get("/items", (req, res) -> res.end(req.routePath()));
        app.use("/api/", api);
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/api/items"), 200, "/api/items");
        }
    }

    @Test
    void routePathIncludesTheMountPathOfASubApp() {
        App app = Express.app().set("env", "test");
        App blog = Express.app();
        blog.get("/", (req, res) -> res.end(req.routePath()));
        blog.get("/:slug", (req, res) -> res.end(req.routePath()));
        app.use("/blog", blog);
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/blog/hello"), 200, "/blog/:slug");
            expect(server.get("/blog"), 200, "/blog/");
        }
    }

    @Test
    void routePathPrintsPathListsAndPatternsAsRouteDoes() {
        App app = Express.app().set("env", "test");
        app.get(List.of("/a", "/b"), (req, res) -> res.end(req.routePath()));
        app.get(Pattern.compile("^/c\\d+$"), (req, res) -> res.end(req.routePath()));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/b"), 200, "/a,/b");
            expect(server.get("/c12"), 200, "/^/c\\d+$/"); // as req.route().path() prints it
        }
    }

    @Test
    void routePathIsNullBeforeAnyRouteMatched() {
        App app = Express.app().set("env", "test");
        app.use((req, res, next) -> {
            res.set("X-Route", String.valueOf(req.routePath()));
            next.run();
        });
        app.get("/x", (req, res) -> res.end(req.routePath()));
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.get("/x");
            expect(r, 200, "/x");
            assertThat(r.header("X-Route")).isEqualTo("null");
        }
    }

    @Test
    void routePathOutlivesTheRouterForAnOnFinishedListener() throws InterruptedException {
        BlockingQueue<Optional<String>> seen = new LinkedBlockingQueue<>();
        App app = Express.app().set("env", "test");
        app.use((req, res, next) -> {
            res.onFinished(err -> seen.add(Optional.ofNullable(req.routePath())));
            next.run();
        });
        Router api = Express.router();
        api.get("/items/:id", (req, res) -> res.send("item"));
        app.use("/api", api);
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/api/items/3"), 200, "item");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).contains("/api/items/:id");
            expect(server.head("/api/items/3"), 200, "");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).contains("/api/items/:id");
            server.get("/api/nothing");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void routePathIsTheLastRouteThatRanAfterNextLeftTheRouter() {
        App app = Express.app().set("env", "test");
        Router api = Express.router();
        api.get("/:any", (req, res, next) -> next.run());
        app.use("/api", api);
        app.get("/api/:name", (req, res) -> res.end(req.routePath() + " " + req.baseUrl()));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/api/x"), 200, "/api/:name ");
        }
    }
}
