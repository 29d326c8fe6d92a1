package io.express4j;

import java.util.Map;

/**
 * Why {@code res.sendFile}, {@code res.download} or {@link Express#staticFiles} could not send a file: the status
 * Express gives it (403 traversal or denied dotfile, 404 missing, 412, 416, 400 bad path, 500 I/O) and, for a
 * failed file system call, Node's error {@link #code()} ({@code ENOENT}, {@code ENAMETOOLONG}, {@code ENOTDIR},
 * {@code EISDIR}, {@code EACCES}). Its string form is what Express's error page shows: {@code NotFoundError: Not
 * Found} for send's own errors, {@code Error: ENOENT: no such file or directory, stat '/x'} for system errors.
 */
public class FileError extends HttpError {
    private final String code;
    private final boolean plainError;

    /** One of send's own errors: the standard message, named as http-errors names it. */
    public FileError(int status, Map<String, String> headers) {
        super(status, null, headers);
        this.code = null;
        this.plainError = false;
    }

    /**
     * A failed file system call ({@code code} as Node names it, message as Node words it). Like Node's system errors
     * it carries no stack frames: the error page shows just {@code Error: <message>}.
     */
    public FileError(int status, String message, String code) {
        super(status, message, Map.of());
        this.code = code;
        this.plainError = true;
        setStackTrace(new StackTraceElement[0]);
    }

    /** Node's error code ({@code ENOENT}, …), or null for send's own HTTP errors. */
    public String code() {
        return code;
    }

    /** {@code Error} for a wrapped failure (send passes Node's plain Errors through), else http-errors' name. */
    @Override
    public String name() {
        return plainError ? "Error" : super.name();
    }
}
