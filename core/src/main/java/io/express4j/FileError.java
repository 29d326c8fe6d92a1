package io.express4j;

import io.express4j.http.StatusCodes;
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
    private final String name;

    /** One of send's own errors: the standard message, named as http-errors names it. */
    public FileError(int status, Map<String, String> headers) {
        super(status, null, headers);
        this.code = null;
        this.name = errorName(status);
    }

    /**
     * A failed file system call ({@code code} as Node names it, message as Node words it). Like Node's system errors
     * it carries no stack frames: the error page shows just {@code Error: <message>}.
     */
    public FileError(int status, String message, String code) {
        super(status, message, Map.of());
        this.code = code;
        this.name = "Error";
        setStackTrace(new StackTraceElement[0]);
    }

    /** Node's error code ({@code ENOENT}, …), or null for send's own HTTP errors. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return name + ": " + getMessage();
    }

    /** http-errors' constructor names: the reason phrase as one identifier, ending in {@code Error}. */
    private static String errorName(int status) {
        String reason = StatusCodes.reasonOrUnknown(status);
        StringBuilder name = new StringBuilder();
        for (String word : reason.split(" ")) {
            if (word.isEmpty()) continue;
            name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        for (int i = name.length() - 1; i >= 0; i--) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '_') name.deleteCharAt(i);
        }
        return name.toString().endsWith("Error") ? name.toString() : name + "Error";
    }
}
