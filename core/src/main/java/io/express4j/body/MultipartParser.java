package io.express4j.body;

import io.express4j.Middleware;
import io.express4j.MultipartOptions;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.UploadedFile;
import io.express4j.access.ApiAccess;
import io.express4j.http.JsStrings;
import io.express4j.http.TypeIs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * {@code multipart/form-data} (beyond Express, in the spirit of multer): fields go to {@code req.body()} (a repeated
 * name becomes a list), files to {@code req.files()}. It skips requests as the other parsers do; the limits are
 * enforced while the body streams in, and the temporary files are deleted when the response is done.
 */
public final class MultipartParser implements Middleware {
    private final MultipartOptions options;
    private final List<String> types;
    private final Charset charset;
    private final MultipartDecoder decoder;

    public MultipartParser(MultipartOptions options, MultipartDecoder decoder) {
        this.options = options;
        this.decoder = decoder;
        this.types = List.copyOf(options.types());
        this.charset = Charset.forName(options.defaultCharset());
        if (options.files() < 0 || options.fields() < 0) throw new IllegalArgumentException("counts must be >= 0");
    }

    @Override
    public void handle(Request req, Response res, Next next) throws Exception {
        if (req.readableEnded() || !ApiAccess.get().hasBody(req) || TypeIs.is(req.get("content-type"), types) == null) {
            next.run();
            return;
        }
        String contentEncoding = req.get("content-encoding");
        contentEncoding = contentEncoding == null ? "identity" : contentEncoding.toLowerCase(Locale.ROOT);
        RawBody.Source source = new RawBody.Source(req.inputStream());
        InputStream stream = contentEncoding.equals("identity") ? source : Inflation.open(contentEncoding, source);
        if (stream == null) {
            next.fail(BodyParserError.unsupportedContentEncoding(contentEncoding));
            return;
        }
        long declared = contentEncoding.equals("identity") ? BodyReader.declaredLength(req.get("content-length")) : -1;
        if (declared > options.limit()) {
            BodyReader.readOff(source, req.get("content-length"), req.get("expect"));
            next.fail(tooLarge("entity.too.large", "request entity too large"));
            return;
        }

        Collector collector = new Collector();
        res.onClose(collector::deleteFiles);
        try {
            decoder.decode(
                    new Limited(stream, options.limit()),
                    req.get("content-type"),
                    charset,
                    options.inMemoryThreshold(),
                    options.tempDir(),
                    options.files() + options.fields(),
                    collector);
        } catch (BodyParserError e) {
            BodyReader.readOff(source, req.get("content-length"), req.get("expect"));
            next.fail(e);
            return;
        } catch (MultipartDecoder.TooManyPartsException e) {
            BodyReader.readOff(source, req.get("content-length"), req.get("expect"));
            next.fail(tooLarge(
                    collector.files >= options.files() ? "files.too.many" : "fields.too.many", "too many parts"));
            return;
        } catch (RawBody.RequestAborted e) {
            next.fail(new BodyParserError(400, "request aborted", "request.aborted", null, e));
            return;
        } catch (IOException e) { // malformed multipart, or a compressed body that does not decode
            BodyReader.readOff(source, req.get("content-length"), req.get("expect"));
            next.fail(new BodyParserError(400, e.getMessage(), "entity.parse.failed", null, e));
            return;
        }
        req.body(JsStrings.inJsPropertyOrder(collector.fields));
        ApiAccess.get().setFiles(req, collector.uploads);
        next.run();
    }

    private static BodyParserError tooLarge(String type, String message) {
        return new BodyParserError(413, message, type, null, null);
    }

    /** Applies the count and size limits as parts grow, and gathers the results. */
    private final class Collector implements MultipartDecoder.Handler {
        final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        final List<UploadedFile> uploads = new ArrayList<>();
        private final List<Path> tempFiles = new ArrayList<>();
        private int lastPart = -1;
        int files;
        private int fieldCount;

        @Override
        public void progress(int part, String name, boolean isFile, long length) {
            if (part != lastPart) {
                lastPart = part;
                if (isFile && ++files > options.files()) {
                    throw tooLarge("files.too.many", "too many files (at most " + options.files() + ")");
                }
                if (!isFile && ++fieldCount > options.fields()) {
                    throw tooLarge("fields.too.many", "too many fields (at most " + options.fields() + ")");
                }
            }
            if (isFile && length > options.fileSize()) {
                throw tooLarge(
                        "file.too.large", "file \"" + name + "\" is larger than " + options.fileSize() + " bytes");
            }
            if (!isFile && length > options.fieldSize()) {
                throw tooLarge(
                        "field.too.large", "field \"" + name + "\" is larger than " + options.fieldSize() + " bytes");
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void field(int part, String name, String value) {
            Object prev = fields.get(name);
            if (prev == null) {
                fields.put(name, value);
            } else if (prev instanceof List<?> list) {
                ((List<Object>) list).add(value);
            } else {
                List<Object> list = new ArrayList<>();
                list.add(prev);
                list.add(value);
                fields.put(name, list);
            }
        }

        @Override
        public void file(
                int part, String name, String filename, String contentType, long size, Path path, byte[] content) {
            synchronized (tempFiles) {
                if (path != null) tempFiles.add(path);
            }
            uploads.add(ApiAccess.get().uploadedFile(name, filename, contentType, size, path, content));
        }

        void deleteFiles() {
            List<Path> paths;
            synchronized (tempFiles) {
                paths = List.copyOf(tempFiles);
                tempFiles.clear();
            }
            for (Path p : paths) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    io.express4j.log.Logs.get(MultipartParser.class).warn("could not delete {}", p, e);
                }
            }
        }
    }

    /** Fails with a 413 once more than {@code limit} bytes have come through. */
    private static final class Limited extends BlockInputStream {
        private final InputStream in;
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0 && (count += n) > limit) throw tooLarge("entity.too.large", "request entity too large");
            return n;
        }
    }
}
