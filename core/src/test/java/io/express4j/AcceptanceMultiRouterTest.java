package io.express4j;

import static io.express4j.support.Expect.expectSent;

import io.express4j.support.TestServer;
import org.junit.jupiter.api.Test;

/** Express's test/acceptance/multi-router.js, against a port of its examples/multi-router app. */
class AcceptanceMultiRouterTest {

    static Router api(String version) {
        Router api = Express.router();
        api.get("/", (req, res) -> res.send("Hello from API" + version + " root route."));
        api.get("/users", (req, res) -> res.send("List of API" + version + " users."));
        return api;
    }

    static App multiRouterExample() {
        App app = Express.app().set("env", "test");
        app.use("/api/v1", api("v1"));
        app.use("/api/v2", api("v2"));
        app.get("/", (req, res) -> res.send("Hello from root route."));
        return app;
    }

    @Test
    void getRootShouldRespondWithRootHandler() {
        try (TestServer server = TestServer.serve(multiRouterExample())) {
            expectSent(server.get("/"), 200, "Hello from root route.");
        }
    }

    @Test
    void getApiV1ShouldRespondWithApiV1RootHandler() {
        try (TestServer server = TestServer.serve(multiRouterExample())) {
            expectSent(server.get("/api/v1/"), 200, "Hello from APIv1 root route.");
        }
    }

    @Test
    void getApiV1UsersShouldRespondWithUsersFromApiV1() {
        try (TestServer server = TestServer.serve(multiRouterExample())) {
            expectSent(server.get("/api/v1/users"), 200, "List of APIv1 users.");
        }
    }

    @Test
    void getApiV2ShouldRespondWithApiV2RootHandler() {
        try (TestServer server = TestServer.serve(multiRouterExample())) {
            expectSent(server.get("/api/v2/"), 200, "Hello from APIv2 root route.");
        }
    }

    @Test
    void getApiV2UsersShouldRespondWithUsersFromApiV2() {
        try (TestServer server = TestServer.serve(multiRouterExample())) {
            expectSent(server.get("/api/v2/users"), 200, "List of APIv2 users.");
        }
    }
}
