package io.express4j;

import static io.express4j.support.Expect.expectErrorPage;
import static io.express4j.support.Expect.expectSent;

import io.express4j.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Express's test/acceptance/params.js, against a port of its examples/params app. */
class AcceptanceParamsTest {

    static final List<String> USERS = List.of("tj", "tobi", "loki", "jane", "bandit");

    static App paramsExample() {
        App app = Express.app().set("env", "test");
        // Convert :to and :from to integers.
        app.param(List.of("to", "from"), (req, res, next, num, name) -> {
            try {
                req.params().put(name, Integer.parseInt((String) num));
                next.run();
            } catch (NumberFormatException e) {
                next.fail(new HttpError(400, "failed to parseInt " + num));
            }
        });
        // Load user by id.
        app.param("user", (req, res, next, id, name) -> {
            String user = null;
            try {
                int i = Integer.parseInt((String) id);
                if (i >= 0 && i < USERS.size()) user = USERS.get(i);
            } catch (NumberFormatException ignored) {
                // no such user
            }
            if (user == null) {
                next.fail(new HttpError(404, "failed to find user"));
                return;
            }
            req.attr("user", user);
            next.run();
        });
        app.get("/", (req, res) -> res.send("Visit /user/0 or /users/0-2"));
        app.get("/user/:user", (req, res) -> res.send("user " + req.attr("user")));
        app.get("/users/:from-:to", (req, res) -> {
            int from = (Integer) req.params().get("from");
            int to = (Integer) req.params().get("to");
            res.send("users " + String.join(", ", USERS.subList(from, Math.min(to + 1, USERS.size()))));
        });
        return app;
    }

    @Test
    void getRootShouldRespondWithInstructions() {
        try (TestServer server = TestServer.serve(paramsExample())) {
            expectSent(server.get("/"), 200, "Visit /user/0 or /users/0-2");
        }
    }

    @Test
    void getUser0ShouldRespondWithAUser() {
        try (TestServer server = TestServer.serve(paramsExample())) {
            expectSent(server.get("/user/0"), 200, "user tj");
        }
    }

    @Test
    void getUser9ShouldFailToFindUser() {
        try (TestServer server = TestServer.serve(paramsExample())) {
            expectErrorPage(server.get("/user/9"), 404, "NotFoundError: failed to find user");
        }
    }

    @Test
    void getUsers0To2ShouldRespondWithThreeUsers() {
        try (TestServer server = TestServer.serve(paramsExample())) {
            expectSent(server.get("/users/0-2"), 200, "users tj, tobi, loki");
        }
    }

    @Test
    void getUsersFooBarShouldFailIntegerParsing() {
        try (TestServer server = TestServer.serve(paramsExample())) {
            expectErrorPage(server.get("/users/foo-bar"), 400, "BadRequestError: failed to parseInt foo");
        }
    }
}
