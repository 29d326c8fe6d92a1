package ${package}.routes;

import io.express4j.Express;
import io.express4j.Router;
import java.util.Map;

/** routes/index.js: the home page. */
public final class IndexRoutes {
    private IndexRoutes() {}

    public static Router router() {
        Router router = Express.router();
        router.get("/", (req, res) -> res.render("index", Map.of("title", "express4j")));
        return router;
    }
}
