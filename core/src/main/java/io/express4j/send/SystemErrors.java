package io.express4j.send;

import io.express4j.FileError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Java's file system exceptions as the Node errors send reasons about: {@code ENOENT}, {@code ENOTDIR} and
 * {@code ENAMETOOLONG} mean "no such file" (404), anything else is a server error (500). The message is Node's
 * ({@code ENOENT: no such file or directory, stat '/srv/x'}), which the development error page shows.
 */
final class SystemErrors {
    private SystemErrors() {}

    /** Whether Node would report ENOENT, the only error after which send tries the configured extensions. */
    static boolean isNotFound(IOException e) {
        return e instanceof NoSuchFileException;
    }

    /**
     * Java reports ENOTDIR ({@code /srv/file.txt/x}) as a missing file; Node names it. Only on this error path:
     * the nearest existing ancestor is a file.
     */
    private static boolean underFile(String path) {
        try {
            for (Path p = Path.of(path).getParent(); p != null; p = p.getParent()) {
                if (Files.exists(p)) return !Files.isDirectory(p);
            }
        } catch (InvalidPathException e) {
            return false;
        }
        return false;
    }

    /** send's onStatError: 404 for a name that does not lead to a file, 500 otherwise. */
    static FileError toFileError(IOException e, String syscall, String path) {
        String code;
        String description;
        if (e instanceof NoSuchFileException && underFile(path)) {
            code = "ENOTDIR";
            description = "not a directory";
        } else if (e instanceof NoSuchFileException) {
            code = "ENOENT";
            description = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            code = "EACCES";
            description = "permission denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String reason = fs.getReason();
            if (reason.startsWith("File name too long")) {
                code = "ENAMETOOLONG";
                description = "name too long";
            } else if (reason.startsWith("Not a directory")) {
                code = "ENOTDIR";
                description = "not a directory";
            } else if (reason.startsWith("Too many levels of symbolic links")) {
                code = "ELOOP";
                description = "too many symbolic links encountered";
            } else {
                code = null;
                description = reason;
            }
        } else {
            code = null;
            description = e.getMessage();
        }
        String message = (code == null ? "" : code + ": ") + description + ", " + syscall + " '" + path + "'";
        boolean missing = "ENOENT".equals(code) || "ENOTDIR".equals(code) || "ENAMETOOLONG".equals(code);
        return new FileError(missing ? 404 : 500, message, code);
    }
}
