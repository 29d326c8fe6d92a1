package io.express4j;

import static io.express4j.support.Expect.expect;

import io.express4j.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Express's test/req.baseUrl.js. */
class ReqBaseUrlTest {

    static App app() {
        return Express.app().set("env", "test");
    }

    @Test
    void shouldBeEmptyForTopLevelRoute() {
        App app = app();
        app.get("/:a", (req, res) -> res.end(req.baseUrl()));
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/foo"), 200, "");
        }
    }

    @Test
    void shouldContainLowerPath() {
        App app = app();
        Router sub = Express.router();
        sub.get("/:b", (req, res) -> res.end(req.baseUrl()));
        app.use("/:a", sub);
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/foo/bar"), 200, "/foo");
        }
    }

    @Test
    void shouldContainFullLowerPath() {
        App app = app();
        Router sub1 = Express.router();
        Router sub2 = Express.router();
        Router sub3 = Express.router();
        sub3.get("/:d", (req, res) -> res.end(req.baseUrl()));
        sub2.use("/:c", sub3);
        sub1.use("/:b", sub2);
        app.use("/:a", sub1);
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/foo/bar/baz/zed"), 200, "/foo/bar/baz");
        }
    }

    @Test
    void shouldTravelThroughRoutersCorrectly() {
        List<String> urls = new ArrayList<>();
        App app = app();
        Router sub1 = Express.router();
        Router sub2 = Express.router();
        Router sub3 = Express.router();
        sub3.get("/:d", (req, res, next) -> {
            urls.add("0@" + req.baseUrl());
            next.run();
        });
        sub2.use("/:c", sub3);
        sub1.use("/", (req, res, next) -> {
            urls.add("1@" + req.baseUrl());
            next.run();
        });
        sub1.use("/bar", sub2);
        sub1.use("/bar", (req, res, next) -> {
            urls.add("2@" + req.baseUrl());
            next.run();
        });
        app.use((req, res, next) -> {
            urls.add("3@" + req.baseUrl());
            next.run();
        });
        app.use("/:a", sub1);
        app.use((req, res, next) -> {
            urls.add("4@" + req.baseUrl());
            res.end(String.join(",", urls));
        });
        try (TestServer server = TestServer.serve(app)) {
            expect(server.get("/foo/bar/baz/zed"), 200, "3@,1@/foo,0@/foo/bar/baz,2@/foo/bar,4@");
        }
    }
}
