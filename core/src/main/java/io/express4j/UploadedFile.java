package io.express4j;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file received by {@link Express#multipart}: small ones are held in memory, larger ones in a temporary file
 * that is deleted when the response is done — {@link #moveTo} or copy it to keep it.
 */
public final class UploadedFile {
    private final String fieldName;
    private final String filename;
    private final String contentType;
    private final long size;
    private final Path path;
    private final byte[] content;

    /** Made by the multipart parser (through {@code ApiAccess}): exactly one of {@code path} and {@code content} is set. */
    UploadedFile(String fieldName, String filename, String contentType, long size, Path path, byte[] content) {
        if ((path == null) == (content == null)) throw new IllegalArgumentException("one of path and content");
        this.fieldName = fieldName;
        this.filename = filename;
        this.contentType = contentType;
        this.size = size;
        this.path = path;
        this.content = content;
    }

    /** The form field the file came in. */
    public String fieldName() {
        return fieldName;
    }

    /** The file name the client gave (not a safe path: never use it as one unchecked). */
    public String filename() {
        return filename;
    }

    /** The part's Content-Type, as sent. */
    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    /** Whether the content is held in memory rather than in a temporary file. */
    public boolean inMemory() {
        return content != null;
    }

    /** The temporary file holding the content, or null when it is in memory. */
    public Path path() {
        return path;
    }

    /** The content (read from the temporary file when there is one). */
    public byte[] bytes() throws IOException {
        return content != null ? content.clone() : Files.readAllBytes(path);
    }

    public InputStream inputStream() throws IOException {
        return content != null ? new ByteArrayInputStream(content) : Files.newInputStream(path);
    }

    /** Writes the content to {@code target} (replacing it), moving the temporary file when there is one. */
    public void moveTo(Path target) throws IOException {
        if (content != null) Files.write(target, content);
        else Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String toString() {
        return "UploadedFile[" + fieldName + ": " + filename + ", " + contentType + ", " + size + " bytes]";
    }
}
