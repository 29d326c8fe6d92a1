package io.express4j.conformance;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.FileError;
import io.express4j.SendFileOptions;
import io.express4j.StaticOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Twin of {@code express/routes/files.js}: sendFile, download and static over the fixtures folder both twins are
 * given (a copy of {@code conformance/fixtures}).
 */
final class FilesRoutes {
    private FilesRoutes() {}

    static void install(App app, Path fixtures) {
        String dir = fixtures.toString();
        Supplier<SendFileOptions> root = () -> new SendFileOptions().root(dir);
        app.get("/fs/sendfile", (req, res) -> res.sendFile("nums.txt", root.get()));
        app.post("/fs/sendfile", (req, res) -> res.sendFile("nums.txt", root.get()));
        app.get(
                "/fs/sendfile/absolute",
                (req, res) -> res.sendFile(Path.of(dir, "hello.txt").toString()));
        app.get("/fs/sendfile/relative", (req, res) -> res.sendFile("hello.txt"));
        app.get("/fs/sendfile/missing", (req, res) -> res.sendFile("nope.txt", root.get()));
        app.get("/fs/sendfile/dir", (req, res) -> res.sendFile("sub", root.get()));
        app.get("/fs/sendfile/index", (req, res) -> res.sendFile("sub/index.html", root.get()));
        app.get("/fs/sendfile/dotfile", (req, res) -> res.sendFile(".name", root.get()));
        app.get(
                "/fs/sendfile/dotfile-allow",
                (req, res) -> res.sendFile(".name", root.get().dotfiles("allow")));
        app.get(
                "/fs/sendfile/dotfile-deny",
                (req, res) -> res.sendFile(".name", root.get().dotfiles("deny")));
        app.get("/fs/sendfile/traversal", (req, res) -> res.sendFile("../pom.xml", root.get()));
        app.get(
                "/fs/sendfile/options",
                (req, res) -> res.sendFile(
                        "hello.txt",
                        root.get()
                                .maxAge("1d")
                                .immutable(true)
                                .headers(Map.of("X-Sent", "yes"))
                                .lastModified(false)));
        app.get(
                "/fs/sendfile/bare",
                (req, res) ->
                        res.sendFile("hello.txt", root.get().cacheControl(false).acceptRanges(false)));
        app.get("/fs/sendfile/param/:file", (req, res) -> res.sendFile(req.params("file"), root.get()));
        app.get(
                "/fs/sendfile/callback",
                (req, res) -> res.sendFile("nope.txt", root.get(), err -> {
                    FileError e = (FileError) err;
                    res.status(e.status()).send("callback: " + e.code());
                }));
        app.get(
                "/fs/sendfile/callback-ok",
                (req, res, next) -> res.sendFile("hello.txt", root.get(), err -> {
                    if (err != null) next.fail(err);
                }));
        app.get("/fs/sendfile/typed", (req, res) -> {
            res.type("text/html");
            res.sendFile("hello.txt", root.get());
        });
        app.get("/fs/sendfile/status", (req, res) -> {
            res.status(201);
            res.sendFile("hello.txt", root.get());
        });

        app.get(
                "/fs/download",
                (req, res) -> res.download(Path.of(dir, "hello.txt").toString()));
        app.get(
                "/fs/download/named",
                (req, res) -> res.download(Path.of(dir, "hello.txt").toString(), "report 2024.txt"));
        app.get(
                "/fs/download/unicode",
                (req, res) -> res.download(Path.of(dir, "hello.txt").toString(), "résumé €.txt"));
        app.get("/fs/download/root", (req, res) -> res.download("nums.txt", "n.txt", root.get()));
        app.get(
                "/fs/download/missing",
                (req, res) -> res.download(Path.of(dir, "nope.txt").toString()));

        app.use("/fs/static", Express.staticFiles(dir));
        app.use(
                "/fs/static-opts",
                Express.staticFiles(
                        dir,
                        new StaticOptions()
                                .index(false)
                                .redirect(false)
                                .dotfiles("allow")
                                .maxAge("1h")
                                .immutable(true)
                                .extensions("txt")));
        app.use("/fs/static-strict", Express.staticFiles(dir, new StaticOptions().fallthrough(false)));
        app.use(
                "/fs/static-headers",
                Express.staticFiles(
                        dir,
                        new StaticOptions()
                                .etag(false)
                                .lastModified(false)
                                .setHeaders((res, file, stat) ->
                                        res.set("X-File", Path.of(file).getFileName() + ":" + stat.size()))));
        app.get("/fs/static/after", (req, res) -> res.send("static passed this on"));
    }
}
