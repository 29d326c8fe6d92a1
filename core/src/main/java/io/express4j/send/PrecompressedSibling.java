package io.express4j.send;

import io.express4j.http.ContentCodings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A precompressed sibling of a static file — {@code app.js.br} or {@code app.js.gz} beside {@code app.js}, as
 * nginx's {@code gzip_static} and express-static-gzip serve them: which siblings exist, and which one the request's
 * {@code Accept-Encoding} picks (by compression's q-value rules, ties in the configured order).
 *
 * @param varies whether any sibling exists, so the answer depends on {@code Accept-Encoding}
 * @param coding the chosen {@code Content-Encoding}, or null to send the file itself
 * @param path   the chosen sibling's path (null when {@code coding} is)
 * @param stat   the chosen sibling's attributes (null when {@code coding} is)
 */
record PrecompressedSibling(boolean varies, String coding, String path, BasicFileAttributes stat) {
    private static final PrecompressedSibling NONE = new PrecompressedSibling(false, null, null, null);

    /** The file name suffix of a coding's sibling. */
    static String suffix(String coding) {
        return switch (coding) {
            case "br" -> ".br";
            case "gzip" -> ".gz";
            default -> throw new IllegalArgumentException("no precompressed files for coding " + coding);
        };
    }

    /** Looks for {@code file}'s siblings in {@code codings} and picks one for {@code acceptEncoding}. */
    static PrecompressedSibling choose(String file, List<String> codings, String acceptEncoding) {
        List<String> found = new ArrayList<>(codings.size());
        List<BasicFileAttributes> stats = new ArrayList<>(codings.size());
        for (String coding : codings) {
            BasicFileAttributes stat = regularFile(file + suffix(coding));
            if (stat == null) continue;
            found.add(coding);
            stats.add(stat);
        }
        if (found.isEmpty()) return NONE;
        String coding = ContentCodings.negotiatePrecompressed(acceptEncoding, found);
        if (coding == null) return new PrecompressedSibling(true, null, null, null);
        return new PrecompressedSibling(true, coding, file + suffix(coding), stats.get(found.indexOf(coding)));
    }

    /** The attributes of a regular file, or null when there is none (absent, a directory, unreadable). */
    private static BasicFileAttributes regularFile(String path) {
        try {
            BasicFileAttributes stat = Files.readAttributes(Path.of(path), BasicFileAttributes.class);
            return stat.isRegularFile() ? stat : null;
        } catch (IOException | InvalidPathException e) {
            return null; // no usable sibling: the file itself is served
        }
    }
}
