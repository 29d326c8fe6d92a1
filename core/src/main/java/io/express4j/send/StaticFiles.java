package io.express4j.send;

import io.express4j.FileError;
import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.StaticOptions;
import io.express4j.http.EncodeUrl;
import io.express4j.http.Html;
import io.express4j.http.Urls;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code express.static} — serve-static 2.2.1 over {@link FileSend}: GET and HEAD for the mount-relative path under
 * the root; a directory without its trailing slash is redirected (301 to the original URL plus {@code /}); with
 * {@code fallthrough} a request that names no file here goes on to the next middleware, while errors once a file
 * was found (412, 416) and server errors always go to {@code next(err)}.
 */
public final class StaticFiles implements Middleware {
    private final String root;
    private final StaticOptions options;

    public StaticFiles(String root, StaticOptions options) {
        if (root == null || root.isEmpty()) throw new IllegalArgumentException("root path required");
        this.root = NodePaths.resolve(root);
        this.options = options == null ? new StaticOptions() : options;
    }

    @Override
    public void handle(Request req, Response res, Next next) throws Exception {
        if (!req.method().equals("GET") && !req.method().equals("HEAD")) {
            if (options.fallthrough()) {
                next.run();
                return;
            }
            res.statusCode(405);
            res.setHeader("Allow", "GET, HEAD");
            res.setHeader("Content-Length", "0");
            res.end();
            return;
        }
        String path = req.path();
        // at the mount point itself, an empty path makes the directory redirect to "/mount/"
        if (path.equals("/") && !Urls.pathname(req.originalUrl()).endsWith("/")) path = "";
        Outcome outcome = new Outcome(req, res, !options.fallthrough());
        new FileSend(req, res, path, options, root, options.etag(), outcome)
                .precompressed(options.precompressed())
                .pipe();
        if (outcome.error != null) next.fail(outcome.error);
        else if (outcome.skip) next.run();
    }

    /** What send reported, acted on once it returns (so the rest of the stack does not run inside it). */
    private final class Outcome implements FileSend.Events {
        private final Request req;
        private final Response res;
        private boolean forwardErrors;
        private FileError error;
        private boolean skip;

        Outcome(Request req, Response res, boolean forwardErrors) {
            this.req = req;
            this.res = res;
            this.forwardErrors = forwardErrors;
        }

        @Override
        public void onDirectory(FileSend send) {
            if (!options.redirect() || send.hasTrailingSlash()) {
                send.error(404);
                return;
            }
            redirect(req, res);
        }

        @Override
        public void onError(FileError err) {
            if (forwardErrors || err.status() >= 500) error = err;
            else skip = true;
        }

        @Override
        public void onFile() {
            forwardErrors = true;
        }

        @Override
        public void onHeaders(String path, BasicFileAttributes stat) throws Exception {
            FileSend.setHeaders(res, options.headers());
            StaticOptions.SetHeaders setHeaders = options.setHeaders();
            if (setHeaders != null) setHeaders.set(res, path, stat);
        }
    }

    /** 301 to the original URL's path with a slash added (leading slashes collapsed), query kept. */
    private static void redirect(Request req, Response res) {
        String original = req.originalUrl();
        int protohost = Urls.protohostLength(original);
        int pathEnd = protohost;
        while (pathEnd < original.length() && original.charAt(pathEnd) != '?' && original.charAt(pathEnd) != '#') {
            pathEnd++;
        }
        String location = EncodeUrl.encode(original.substring(0, protohost)
                + collapseLeadingSlashes(original.substring(protohost, pathEnd) + "/")
                + original.substring(pathEnd));
        byte[] doc = Html.document("Redirecting", "Redirecting to " + Html.escape(location))
                .getBytes(StandardCharsets.UTF_8);
        res.statusCode(301);
        res.setHeader("Content-Type", "text/html; charset=UTF-8");
        res.setHeader("Content-Length", Integer.toString(doc.length));
        res.setHeader("Content-Security-Policy", "default-src 'none'");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Location", location);
        res.end(doc);
    }

    private static String collapseLeadingSlashes(String path) {
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') i++;
        return i > 1 ? "/" + path.substring(i) : path;
    }
}
