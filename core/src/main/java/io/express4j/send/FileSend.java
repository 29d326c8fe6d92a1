package io.express4j.send;

import io.express4j.FileError;
import io.express4j.FileServingOptions;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.access.ApiAccess;
import io.express4j.http.ETags;
import io.express4j.http.HttpDates;
import io.express4j.http.JsStrings;
import io.express4j.http.MimeTypes;
import io.express4j.http.NodePath;
import io.express4j.http.RangeParser;
import io.express4j.http.RangeParser.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * One file response, as the {@code send} module (1.2.1) makes it: the URL-encoded path is decoded and checked
 * (400 malformed or NUL, 403 {@code ..} outside the root, dotfiles), an index file or extension is looked for, the
 * file is stat'ed, and the headers follow — Accept-Ranges, Cache-Control, Last-Modified, the weak ETag
 * {@code W/"<size hex>-<mtime hex>"}, Content-Type — each unless already set. Then 412 / 304, then Range: one range
 * is a 206 with Content-Range, an unsatisfiable one a 416; several ranges become a {@code multipart/byteranges} 206
 * (send answers those with the whole file). The body goes out as file regions, without passing through the heap.
 *
 * <p>Everything up to the transfer runs on the caller's (virtual) thread, including the blocking stat and open;
 * outcomes other than a body are reported to {@link Events} as send emits its events.
 */
public final class FileSend {
    /** send's events, for the middleware that drives it (res.sendFile, serve-static). */
    public interface Events {
        /** The path names a directory: serve-static redirects or 404s, res.sendFile reports EISDIR. */
        void onDirectory(FileSend send);

        /** send failed; validators it already set stay on the response, as in Express. */
        void onError(FileError err);

        /** A file was found and is about to be answered (serve-static forwards later errors from here on). */
        default void onFile() {}

        /** Before send's own headers: where {@code headers} and {@code setHeaders} options take effect. */
        default void onHeaders(String path, BasicFileAttributes stat) throws Exception {}
    }

    /** send's BYTES_RANGE_REGEXP: only byte ranges are looked at. */
    private static final Pattern BYTES_RANGE = Pattern.compile("^ *bytes=");
    /** More ranges than this, after coalescing, and the whole file is sent (RFC 9110 allows ignoring Range). */
    static final int MAX_RANGES = 50;

    private static final byte[] NO_TRAILER = new byte[0];

    private final Request req;
    private final Response res;
    private final String path;
    private final FileServingOptions<?> options;
    private final String root;
    private final boolean etag;
    private final Events events;
    private long start;
    private Long end;
    private List<String> precompressed = List.of();
    private CompletableFuture<Void> transfer = CompletableFuture.completedFuture(null);

    /**
     * @param path    URL-encoded, as send expects it ({@code res.sendFile} encodes, serve-static passes the URL's)
     * @param root    absolute directory the path is confined to, or null for an absolute path
     * @param etag    whether to set the file ETag
     */
    public FileSend(
            Request req,
            Response res,
            String path,
            FileServingOptions<?> options,
            String root,
            boolean etag,
            Events events) {
        this.req = req;
        this.res = res;
        this.path = path;
        this.options = options;
        this.root = root;
        this.etag = etag;
        this.events = events;
    }

    /** send's {@code start} / {@code end} options: serve only that window of the file (end inclusive). */
    public FileSend window(Long start, Long end) {
        this.start = start == null ? 0 : Math.max(0, start);
        this.end = end;
        return this;
    }

    /**
     * Serve a precompressed sibling ({@code file.br}, {@code file.gz}) for these codings when the client accepts
     * one: its bytes, stat, ETag and Range, the file's own Content-Type, and {@code Vary: Accept-Encoding}.
     */
    public FileSend precompressed(List<String> codings) {
        this.precompressed = List.copyOf(codings);
        return this;
    }

    /** Whether the path asked for ends in a slash. */
    public boolean hasTrailingSlash() {
        return path.endsWith("/");
    }

    /** Reports send's own error for a status (its http-errors object). */
    public void error(int status) {
        events.onError(new FileError(status, Map.of()));
    }

    /**
     * Answers the request. Returns when the response is decided: for a body, once its writes are queued — the
     * returned future completes when the last byte was handed to the socket, or with the failure that stopped it;
     * for every other outcome it is already complete.
     */
    public CompletableFuture<Void> pipe() throws Exception {
        String decoded = JsStrings.decodeURIComponent(path);
        if (decoded == null || decoded.indexOf('\0') >= 0) {
            error(400);
            return transfer;
        }
        String file;
        String checked;
        if (root != null) {
            checked = decoded.isEmpty() ? decoded : NodePaths.normalize("./" + decoded);
            if (NodePaths.hasUpSegment(checked)) {
                error(403);
                return transfer;
            }
            file = NodePaths.join(root, checked);
        } else {
            if (NodePaths.hasUpSegment(decoded)) {
                error(403);
                return transfer;
            }
            checked = NodePaths.normalize(decoded);
            file = NodePaths.resolve(decoded);
        }
        if (NodePaths.containsDotFile(checked)) {
            switch (options.dotfiles()) {
                case "allow" -> {}
                case "deny" -> {
                    error(403);
                    return transfer;
                }
                default -> {
                    error(404);
                    return transfer;
                }
            }
        }
        if (!options.index().isEmpty() && hasTrailingSlash()) sendIndex(file);
        else sendFile(file);
        return transfer;
    }

    private void sendFile(String file) throws Exception {
        BasicFileAttributes stat;
        try {
            stat = stat(file);
        } catch (IOException e) {
            if (SystemErrors.isNotFound(e) && NodePath.extname(file).isEmpty() && !file.endsWith("/")) {
                tryExtensions(file, e);
            } else {
                events.onError(SystemErrors.toFileError(e, "stat", file));
            }
            return;
        }
        if (stat.isDirectory()) {
            events.onDirectory(this);
        } else if (file.endsWith("/")) {
            error(404);
        } else {
            events.onFile();
            send(file, stat);
        }
    }

    /** {@code /page} finds {@code /page.html} with {@code extensions: ['html']}; directories are skipped. */
    private void tryExtensions(String file, IOException notFound) throws Exception {
        List<String> candidates = new ArrayList<>();
        for (String extension : options.extensions()) candidates.add(file + "." + extension);
        sendFirstFile(candidates, notFound, file);
    }

    /** The first index name that is a file; none is a 404 (the last stat error if there was one). */
    private void sendIndex(String dir) throws Exception {
        List<String> candidates = new ArrayList<>();
        for (String name : options.index()) candidates.add(NodePaths.join(dir, name));
        sendFirstFile(candidates, null, dir);
    }

    /**
     * Sends the first candidate that is a file (directories are skipped). When none is, the last stat error is
     * reported (a directory in last place clears it), or a 404 when there was none.
     */
    private void sendFirstFile(List<String> candidates, IOException notFound, String path) throws Exception {
        IOException last = notFound;
        String lastPath = path;
        for (String candidate : candidates) {
            try {
                BasicFileAttributes stat = stat(candidate);
                if (stat.isDirectory()) {
                    last = null;
                    continue;
                }
                events.onFile();
                send(candidate, stat);
                return;
            } catch (IOException e) {
                last = e;
                lastPath = candidate;
            }
        }
        if (last != null) events.onError(SystemErrors.toFileError(last, "stat", lastPath));
        else error(404);
    }

    private void send(String file, BasicFileAttributes stat) throws Exception {
        if (res.headersSent()) {
            events.onError(new FileError(500, "Can't set headers after they are sent.", null));
            return;
        }
        String sent = file; // the file whose bytes go out: a precompressed sibling or the file itself
        if (!precompressed.isEmpty() && !isSet("Content-Encoding")) {
            PrecompressedSibling sibling = PrecompressedSibling.choose(file, precompressed, req.get("Accept-Encoding"));
            if (sibling.varies()) res.vary("Accept-Encoding");
            if (sibling.coding() != null) {
                res.setHeader("Content-Encoding", sibling.coding());
                sent = sibling.path();
                stat = sibling.stat();
            }
        }
        events.onHeaders(sent, stat);
        setHeaders(stat);
        setType(file);
        if (Preconditions.isConditional(req)) {
            if (Preconditions.failed(req, res)) {
                error(412);
                return;
            }
            if (Preconditions.notModified(req, res)) {
                notModified();
                return;
            }
        }
        long offset = start;
        long length = Math.max(0, stat.size() - offset);
        if (end != null) length = Math.max(0, Math.min(length, end - offset + 1));
        List<FileSegment> segments = List.of(FileSegment.of(offset, length));
        byte[] trailer = NO_TRAILER;
        String range = req.get("Range");
        if (options.acceptRanges()
                && range != null
                && BYTES_RANGE.matcher(range).find()) {
            RangeParser.Ranges ranges = RangeParser.parse(length, range, true);
            if (!Preconditions.rangeStillValid(req.get("If-Range"), res.get("ETag"), res.get("Last-Modified"))) {
                ranges = new RangeParser.Ranges(RangeParser.Ranges.MALFORMED, null, List.of());
            }
            if (ranges.isUnsatisfiable()) {
                String contentRange = "bytes */" + length;
                res.setHeader("Content-Range", contentRange);
                events.onError(new FileError(416, Map.of("Content-Range", contentRange)));
                return;
            }
            if (ranges.isOk() && ranges.ranges().size() == 1) {
                Range only = ranges.ranges().get(0);
                res.statusCode(206);
                res.setHeader("Content-Range", "bytes " + only.start() + "-" + only.end() + "/" + length);
                segments = List.of(FileSegment.of(offset + only.start(), only.end() - only.start() + 1));
                length = only.end() - only.start() + 1;
            } else if (ranges.isOk() && ranges.ranges().size() <= MAX_RANGES) {
                MultipartByteRanges body =
                        MultipartByteRanges.of(ranges.ranges(), offset, length, res.get("Content-Type"));
                res.statusCode(206);
                res.setHeader("Content-Type", body.contentType());
                segments = body.segments();
                trailer = body.trailer();
                length = body.length();
            }
        }
        res.setHeader("Content-Length", Long.toString(length));
        if (req.method().equals("HEAD") || length == 0) {
            res.end();
            return;
        }
        stream(sent, segments, trailer);
    }

    private void stream(String file, List<FileSegment> segments, byte[] trailer) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            ApiAccess.get().endWithFile(res, Path.of(file), segments, trailer, failure -> {
                if (failure == null) done.complete(null);
                else done.completeExceptionally(failure);
            });
        } catch (IOException | InvalidPathException e) {
            IOException io = e instanceof IOException x ? x : new NoSuchFileException(file);
            events.onError(SystemErrors.toFileError(io, "open", file));
            return;
        }
        transfer = done;
    }

    /** Accept-Ranges, Cache-Control, Last-Modified and ETag, each if enabled and not set already. */
    private void setHeaders(BasicFileAttributes stat) {
        if (options.acceptRanges() && !isSet("Accept-Ranges")) res.setHeader("Accept-Ranges", "bytes");
        if (options.cacheControl() && !isSet("Cache-Control")) {
            String cacheControl = "public, max-age=" + (long) Math.floor(options.maxAge() / 1000);
            res.setHeader("Cache-Control", options.immutable() ? cacheControl + ", immutable" : cacheControl);
        }
        long mtime = stat.lastModifiedTime().toMillis();
        if (options.lastModified() && !isSet("Last-Modified")) res.setHeader("Last-Modified", HttpDates.format(mtime));
        if (etag && !isSet("ETag")) res.setHeader("ETag", ETags.forFile(stat.size(), mtime));
    }

    private void setType(String file) {
        if (isSet("Content-Type")) return;
        String type = MimeTypes.contentType(NodePath.extname(file));
        res.setHeader("Content-Type", type == null ? "application/octet-stream" : type);
    }

    private void notModified() {
        res.removeHeader("Content-Encoding");
        res.removeHeader("Content-Language");
        res.removeHeader("Content-Length");
        res.removeHeader("Content-Range");
        res.removeHeader("Content-Type");
        res.statusCode(304);
        res.end();
    }

    /** The {@code headers} option: each entry set as by Node's setHeader, a list as several lines. */
    @SuppressWarnings("unchecked")
    public static void setHeaders(Response res, Map<String, ?> headers) {
        headers.forEach((name, value) -> {
            if (value instanceof List<?> list) res.setHeader(name, (List<String>) list);
            else res.setHeader(name, String.valueOf(value));
        });
    }

    /** A header counts as set when it is present and not empty (JavaScript truthiness). */
    private boolean isSet(String name) {
        Object value = res.getHeader(name);
        return value != null && !"".equals(value);
    }

    private static BasicFileAttributes stat(String file) throws IOException {
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            throw new NoSuchFileException(file);
        }
        return Files.readAttributes(p, BasicFileAttributes.class);
    }
}
