package io.express4j;

import io.express4j.http.ContentDisposition;
import io.express4j.routing.EventLoopDispatch;
import io.express4j.routing.Fatal;
import io.express4j.send.FileSend;
import io.express4j.send.NodePaths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code res.sendFile} and {@code res.download} (Express 5.3): argument checks, then {@link FileSend} with the
 * app's {@code etag} setting, and the outcome routed as Express routes it — to the callback when there is one,
 * else errors to {@code next(err)}, a directory to {@code next()}, and a client abort nowhere.
 */
final class FileResponses {
    private static final SendFileOptions DEFAULTS = new SendFileOptions();

    private FileResponses() {}

    static void sendFile(Response res, String path, SendFileOptions options, SendFileCallback callback)
            throws Exception {
        SendFileOptions opts = options == null ? DEFAULTS : options;
        sendFile(res, path, opts, opts.headers(), callback);
    }

    /**
     * Express's {@code res.download}: {@code Content-Disposition: attachment} named after {@code filename} or the
     * path (any Content-Disposition in the {@code headers} option is ignored), a path without {@code root} made
     * absolute against the working directory, then sendFile.
     */
    static void download(Response res, String path, String filename, SendFileOptions options, SendFileCallback callback)
            throws Exception {
        SendFileOptions opts = options == null ? DEFAULTS : options;
        if (path == null || path.isEmpty())
            throw new IllegalArgumentException("path argument is required to res.sendFile");
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(
                "Content-Disposition",
                ContentDisposition.attachment(filename == null || filename.isEmpty() ? path : filename));
        opts.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Disposition")) headers.put(name, value);
        });
        String fullPath = isEmpty(opts.root()) ? NodePaths.resolve(path) : path;
        sendFile(res, fullPath, opts, headers, callback);
    }

    private static void sendFile(
            Response res, String path, SendFileOptions opts, Map<String, Object> headers, SendFileCallback callback)
            throws Exception {
        if (path == null || path.isEmpty())
            throw new IllegalArgumentException("path argument is required to res.sendFile");
        if (isEmpty(opts.root()) && !NodePaths.isAbsolute(path)) {
            throw new IllegalArgumentException("path must be absolute or specify root to res.sendFile");
        }
        String encoded = encodeForSend(path);
        Request req = res.req;
        if (EventLoopDispatch.onLoop(req.routing)) {
            // stat, open and the callback's wait may block: the file work and all after it leave the event loop
            req.routing.eventLoopDispatch.hop(() -> transferOffLoop(res, encoded, opts, headers, callback));
            return;
        }
        transfer(res, encoded, opts, headers, callback);
    }

    /** After a hop the caller has returned: what would have been thrown to it goes to {@code next(err)}. */
    private static void transferOffLoop(
            Response res,
            String encoded,
            SendFileOptions opts,
            Map<String, Object> headers,
            SendFileCallback callback) {
        try {
            transfer(res, encoded, opts, headers, callback);
        } catch (Throwable t) {
            Throwable err = Fatal.rethrowIfFatal(t);
            Next next = res.req.routing.next;
            if (next == null) throw new IllegalStateException(err);
            next.fail(err);
        }
    }

    private static void transfer(
            Response res, String encoded, SendFileOptions opts, Map<String, Object> headers, SendFileCallback callback)
            throws Exception {
        Request req = res.req;
        if (res.finished() || !res.connectionOpen()) {
            // Express reports ECONNABORTED for a response that is already over; a gone client's is over for good
            if (!res.finished()) res.destroy();
            if (callback != null) callback.done(new ClientAbortException(null));
            return;
        }
        Outcome outcome = new Outcome(res, headers);
        String root = isEmpty(opts.root()) ? null : NodePaths.resolve(opts.root());
        CompletableFuture<Void> transfer = new FileSend(
                        req, res, encoded, opts, root, res.app().enabled("etag"), outcome)
                .window(opts.start(), opts.end())
                .pipe();
        Throwable err = outcome.error;
        if (err == null && callback == null) return; // aborts and write errors are dropped, as in Express
        if (err == null) {
            try {
                transfer.join();
            } catch (CompletionException e) {
                err = new ClientAbortException(e.getCause());
            }
        }
        Next next = req.routing.next;
        if (callback != null) {
            callback.done(err);
        } else if (next == null) {
            // called outside a router's dispatch (e.g. later, from another thread): nobody to hand the error to
            if (err instanceof RuntimeException e) throw e;
            throw new IllegalStateException(err);
        } else if (outcome.directory) {
            next.run();
        } else {
            next.fail(err);
        }
    }

    /**
     * Express URI-encodes the path (send decodes it again): only {@code %} needs escaping for the round trip to give
     * the path back, and a lone surrogate makes {@code encodeURI} throw, as it does here.
     */
    private static String encodeForSend(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < path.length() && Character.isLowSurrogate(path.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("URI malformed");
            }
        }
        return path.replace("%", "%25");
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** send's events as Express's sendfile() listens to them. */
    private static final class Outcome implements FileSend.Events {
        private final Response res;
        private final Map<String, Object> headers;
        private Throwable error;
        private boolean directory;

        Outcome(Response res, Map<String, Object> headers) {
            this.res = res;
            this.headers = headers;
        }

        @Override
        public void onDirectory(FileSend send) {
            directory = true;
            error = new FileError(500, "EISDIR, read", "EISDIR");
        }

        @Override
        public void onError(FileError err) {
            error = err;
        }

        @Override
        public void onHeaders(String path, BasicFileAttributes stat) {
            FileSend.setHeaders(res, headers);
        }
    }
}
