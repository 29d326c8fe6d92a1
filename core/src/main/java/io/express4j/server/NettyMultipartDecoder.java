package io.express4j.server;

import io.express4j.body.MultipartDecoder;
import io.express4j.http.MediaType;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpData;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link MultipartDecoder} with Netty's {@code multipart/form-data} decoder, so the body parsers need not see Netty.
 * The body is pulled from a stream and fed to the decoder in pieces; parts come out as they complete. A file part
 * stays in memory up to a threshold and is written to a temporary file past it (Netty's mixed uploads); a
 * completed file on disk is moved to a file the caller then owns. Sizes are reported while parts grow, so the
 * caller can stop a part that is too large before it is complete.
 */
public final class NettyMultipartDecoder implements MultipartDecoder {
    /** At most this much undecoded input is buffered while looking for a part boundary. */
    private static final int MAX_BUFFERED_BYTES = 1 << 20;

    private static final int CHUNK = 16 * 1024;

    /** The body is not well-formed multipart (no boundary, a broken part, cut short). */
    private static final class MalformedException extends IOException {
        MalformedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void decode(
            InputStream body,
            String contentType,
            Charset charset,
            long inMemoryThreshold,
            Path tempDir,
            int maxParts,
            Handler handler)
            throws IOException {
        String boundary = MediaType.parse(contentType).parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new MalformedException("malformed multipart body: no boundary in the Content-Type", null);
        }
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        DefaultHttpDataFactory factory = new DefaultHttpDataFactory(inMemoryThreshold, charset);
        factory.setBaseDir(tempDir.toString());
        factory.setDeleteOnExit(false);
        HttpPostMultipartRequestDecoder decoder;
        try {
            decoder = new HttpPostMultipartRequestDecoder(factory, head, charset, maxParts, MAX_BUFFERED_BYTES);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw new MalformedException(message(e), e);
        }
        Session session = new Session(decoder, tempDir, handler);
        try {
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = body.read(buf, 0, buf.length)) >= 0) {
                if (n == 0) continue;
                decoder.offer(new DefaultHttpContent(Unpooled.wrappedBuffer(buf, 0, n))); // the decoder copies
                session.collect();
            }
            decoder.offer(LastHttpContent.EMPTY_LAST_CONTENT);
            session.collect();
            if (!session.ended) throw new MalformedException("unexpected end of multipart body", null);
        } catch (HttpPostRequestDecoder.TooManyFormFieldsException e) {
            throw new TooManyPartsException(e);
        } catch (HttpPostRequestDecoder.TooLongFormFieldException e) {
            throw new MalformedException("a multipart part header or boundary is too long", e);
        } catch (DecoderException e) { // any other decoding failure of Netty's
            throw new MalformedException(message(e), e);
        } finally {
            decoder.destroy(); // frees buffers and deletes the temporary files nobody took over
        }
    }

    private static String message(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause().getMessage() != null) root = root.getCause();
        return "malformed multipart body: " + root.getMessage();
    }

    /** One decoding: numbers parts as they appear and hands over the completed ones. */
    private static final class Session {
        private final HttpPostMultipartRequestDecoder decoder;
        private final Path tempDir;
        private final Handler handler;
        private InterfaceHttpData partial;
        private int parts;
        boolean ended;

        Session(HttpPostMultipartRequestDecoder decoder, Path tempDir, Handler handler) {
            this.decoder = decoder;
            this.tempDir = tempDir;
            this.handler = handler;
        }

        void collect() throws IOException {
            try {
                while (decoder.hasNext()) {
                    InterfaceHttpData data = decoder.next();
                    try {
                        complete(data);
                    } finally {
                        decoder.removeHttpDataFromClean(data);
                        data.release();
                    }
                }
            } catch (HttpPostRequestDecoder.EndOfDataDecoderException e) {
                ended = true;
            }
            InterfaceHttpData growing = decoder.currentPartialHttpData();
            if (growing instanceof HttpData && growing != partial) {
                partial = growing;
                parts++;
            }
            if (growing instanceof HttpData data) {
                handler.progress(parts - 1, data.getName(), data instanceof FileUpload, data.length());
            }
        }

        /** Moves an upload Netty wrote to disk to a temporary file the handler will own. */
        private Path keep(FileUpload upload) throws IOException {
            Path owned = Files.createTempFile(tempDir, "express4j-upload-", ".tmp");
            if (!upload.renameTo(owned.toFile())) {
                Files.deleteIfExists(owned);
                throw new IOException("could not keep the uploaded file " + upload.getFilename());
            }
            return owned;
        }

        private void complete(InterfaceHttpData data) throws IOException {
            int part;
            if (data == partial) {
                part = parts - 1;
                partial = null;
            } else {
                part = parts++;
            }
            if (data instanceof FileUpload upload) {
                handler.progress(part, upload.getName(), true, upload.length());
                Path owned = upload.isInMemory() ? null : keep(upload);
                handler.file(
                        part,
                        upload.getName(),
                        upload.getFilename(),
                        upload.getContentType(),
                        upload.length(),
                        owned,
                        owned == null ? upload.get() : null);
            } else if (data instanceof Attribute attribute) {
                handler.progress(part, attribute.getName(), false, attribute.length());
                handler.field(part, attribute.getName(), attribute.getValue());
            }
        }
    }
}
