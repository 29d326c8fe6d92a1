package io.express4j.access;

import io.express4j.Request;
import io.express4j.ServerResponse;
import io.express4j.UploadedFile;
import io.express4j.send.FileSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The members of API classes that the body parsers and the file sender need but users must not call (the JDK's
 * "shared secrets" pattern): they stay package-private in {@code io.express4j}, and {@link Request}'s static
 * initializer installs the one implementation here, in a package the module does not export.
 */
public abstract class ApiAccess {
    private static volatile ApiAccess installed;

    /** Called once, by {@link Request}'s static initializer. */
    public static void install(ApiAccess access) {
        if (installed != null) throw new IllegalStateException("already installed");
        installed = access;
    }

    public static ApiAccess get() {
        ApiAccess access = installed;
        if (access != null) return access;
        try { // a caller that got here before any Request existed: run Request's static initializer
            Class.forName(Request.class.getName(), true, Request.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return installed;
    }

    /** Sets {@code req.files()}, what the multipart parser received. */
    public abstract void setFiles(Request req, List<UploadedFile> files);

    /** A received file: exactly one of {@code path} and {@code content} is set. */
    public abstract UploadedFile uploadedFile(
            String fieldName, String filename, String contentType, long size, Path path, byte[] content);

    /**
     * type-is's {@code hasBody(req)}: a Transfer-Encoding or Content-Length header — or, over HTTP/2, which has
     * neither necessarily, a stream whose HEADERS frame did not end it.
     */
    public abstract boolean hasBody(Request req);

    /** {@code res}'s zero-copy end with file regions, see {@code ServerResponse.endWithFile}. */
    public abstract void endWithFile(
            ServerResponse res, Path file, List<FileSegment> segments, byte[] trailer, Consumer<Throwable> done)
            throws IOException;
}
