package io.express4j;

import static io.express4j.support.Expect.expectErrorPage;
import static io.express4j.support.Expect.expectSent;

import io.express4j.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Express's test/acceptance/route-separation.js: the two cases that need no views. The example's routing is
 * ported; its views are replaced by plain text so that the routes can be told apart.
 */
class AcceptanceRouteSeparationTest {

    static final List<String> USERS = List.of("TJ", "Tobi");

    static App routeSeparationExample() {
        App app = Express.app().set("env", "test");
        app.all("/user/:id{/:op}", (req, res, next) -> { // user.load
            String id = req.params("id");
            int i;
            try {
                i = Integer.parseInt(id);
            } catch (NumberFormatException e) {
                i = -1;
            }
            if (i < 0 || i >= USERS.size()) {
                next.fail(new HttpError(404, "cannot find user " + id));
                return;
            }
            req.attr("user", USERS.get(i));
            next.run();
        });
        app.get("/user/:id", (req, res) -> res.send("Viewing user " + req.attr("user")));
        app.get("/user/:id/view", (req, res) -> res.send("Viewing user " + req.attr("user")));
        app.get("/user/:id/edit", (req, res) -> res.send("Editing user " + req.attr("user")));
        return app;
    }

    @Test
    void getUserShouldGetAUser() {
        try (TestServer server = TestServer.serve(routeSeparationExample())) {
            expectSent(server.get("/user/0"), 200, "Viewing user TJ");
            expectSent(server.get("/user/0/view"), 200, "Viewing user TJ");
            expectSent(server.get("/user/0/edit"), 200, "Editing user TJ");
        }
    }

    @Test
    void getUserShouldRespond404OnMissingUser() {
        try (TestServer server = TestServer.serve(routeSeparationExample())) {
            expectErrorPage(server.get("/user/10"), 404, "NotFoundError: cannot find user 10");
        }
    }

    @Test
    void getUserViewShouldRespond404OnMissingUser() {
        try (TestServer server = TestServer.serve(routeSeparationExample())) {
            expectErrorPage(server.get("/user/10/view"), 404, "NotFoundError: cannot find user 10");
        }
    }
}
