package ${package}.routes;

import io.express4j.Express;
import io.express4j.Router;

/** routes/users.js: mounted at /users. */
public final class UsersRoutes {
    private UsersRoutes() {}

    public static Router router() {
        Router router = Express.router();
        router.get("/", (req, res) -> res.send("respond with a resource"));
        return router;
    }
}
