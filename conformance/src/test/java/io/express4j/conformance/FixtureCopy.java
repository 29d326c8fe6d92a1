package io.express4j.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture files both twins serve, copied to a fresh temporary folder so the corpus's file cases do not depend
 * on where the checkout lives: under a folder whose name starts with a dot, send answers 404 for every absolute
 * path (Express's and express4j's alike), and the file cases would compare two 404s.
 */
final class FixtureCopy {
    private FixtureCopy() {}

    /** A copy of {@code source} whose every file and folder has the mtime {@code mtime}; gone when the JVM ends. */
    static Path of(Path source, Instant mtime) throws IOException {
        Path root = Files.createTempDirectory("express4j-conformance-").toRealPath();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
        for (Path segment : root) {
            if (segment.toString().startsWith(".")) {
                throw new IllegalStateException("the temporary folder " + root + " has a dot segment (" + segment
                        + "), under which send answers 404 for every fixture: point java.io.tmpdir (or TMPDIR) "
                        + "at a folder without one");
            }
        }
        Path target = root.resolve("fixtures");
        List<Path> all;
        try (Stream<Path> walk = Files.walk(source)) {
            all = walk.toList();
        }
        for (Path from : all) {
            Path to = target.resolve(source.relativize(from).toString());
            if (Files.isDirectory(from)) Files.createDirectories(to);
            else Files.copy(from, to);
        }
        // after the copies: creating a child touches its folder's mtime
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : walk.toList()) Files.setLastModifiedTime(p, FileTime.from(mtime));
        }
        return target;
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
