package io.express4j.conformance;

import static io.express4j.conformance.Js.obj;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.spi.TemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Twin of {@code express/routes/views.js}: the same tiny engine, render and lookup. */
final class ViewRoutes {
    private static final Pattern KEY = Pattern.compile("\\{\\{(\\w+)}}");

    /** {@code {{key}}} becomes the model's value as a string ("" when absent); {@code {{throw}}} fails. */
    private static final TemplateEngine TPL = (file, model) -> {
        String text = Files.readString(file);
        if (text.contains("{{throw}}")) throw new IllegalStateException("template error in " + file.getFileName());
        return KEY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(Objects.toString(model.get(m.group(1)), "")));
    };

    private ViewRoutes() {}

    static void install(App app, Path fixtures) {
        App views = Express.app();
        views.set("views", fixtures.resolve("views").toString());
        views.set("view engine", "tpl");
        views.engine("tpl", TPL);
        views.locals().put("title", "the views app");
        views.get("/", (req, res) -> res.render("hello", obj("name", "tobi")));
        views.get("/ext", (req, res) -> res.render("hello.tpl", obj("name", "ext")));
        views.get("/index", (req, res) -> res.render("sub"));
        views.get("/locals", (req, res) -> {
            res.locals().put("name", "from res.locals");
            res.render("hello");
        });
        views.get("/override", (req, res) -> {
            res.locals().put("name", "res");
            res.render("hello", obj("name", "render wins", "title", "render title"));
        });
        views.get("/missing", (req, res) -> res.render("nope"));
        views.get("/broken", (req, res) -> res.render("broken"));
        views.get(
                "/callback",
                (req, res) -> res.render(
                        "hello",
                        obj("name", "cb"),
                        (err, html) -> res.type("text").send(html.toUpperCase(Locale.ROOT))));
        views.get(
                "/callback-error",
                (req, res) -> res.render("nope", (err, html) -> res.status(500).send(err.getMessage())));
        views.get(
                "/app-render",
                (req, res, next) -> views.render("hello", obj("name", "app.render"), (err, html) -> {
                    if (err != null) next.fail(err);
                    else res.send(html);
                }));
        app.use("/views", views);
    }
}
