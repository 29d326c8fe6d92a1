package io.express4j.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The file trees tests serve: {@code fixtures/} (Express's own {@code test/fixtures}: {@code name.txt} =
 * {@code tobi}, {@code nums.txt} = {@code 123456789}, {@code users/}, {@code .name}, …), {@code files/} (the oracle
 * of EXPRESS.md §9: {@code nums.txt}, {@code hello.txt}, {@code .name}, {@code sub/index.html}) and the views of
 * Express's tests. Maven puts them on the test classpath; they are copied once per JVM to a fresh temporary folder
 * and served from there, so no test depends on where the checkout lives: send answers 404 for a path with a dot
 * segment (a checkout under {@code ~/.cache/…}), and an error page escapes {@code &} or {@code '} in a path.
 *
 * <p>Every copied file and directory gets the oracle's mtime, 2024-01-02T03:04:05Z, so validators are stable:
 * {@code nums.txt} has {@code ETag: W/"9-18cc820d888"}.
 */
public final class FileFixtures {
    /** 2024-01-02T03:04:05Z. */
    public static final long MTIME = 1_704_164_645_000L;

    public static final String LAST_MODIFIED = "Tue, 02 Jan 2024 03:04:05 GMT";

    private FileFixtures() {}

    /** Express's test/fixtures directory. */
    public static Path fixtures() {
        return Copy.ROOT.resolve("fixtures");
    }

    /** The §9 oracle's files directory. */
    public static Path files() {
        return Copy.ROOT.resolve("files");
    }

    /** Express's test/fixtures views (core/src/test/resources/io/express4j/views). */
    public static Path views() {
        return Copy.ROOT.resolve("views");
    }

    /** An absolute path in fixtures, as a string (what res.sendFile takes). */
    public static String fixture(String name) {
        return fixtures().resolve(name).toString();
    }

    /** Initialised on first use: the JVM's one copy of the trees. */
    private static final class Copy {
        static final Path ROOT = copyAll();

        private static Path copyAll() {
            try {
                Path root = Files.createTempDirectory("express4j-fixtures-").toRealPath();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
                requireNoDotSegment(root);
                copy("/fixtures", root.resolve("fixtures"));
                copy("/files", root.resolve("files"));
                copy("/io/express4j/views", root.resolve("views"));
                return root;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A dot segment above the trees would make every file answer 404 and the file tests test nothing. */
        private static void requireNoDotSegment(Path root) {
            for (Path segment : root) {
                if (segment.toString().startsWith(".")) {
                    throw new IllegalStateException("the temporary folder " + root + " has a dot segment ("
                            + segment + "), under which send answers 404 for every fixture: point java.io.tmpdir "
                            + "(or TMPDIR) at a folder without one");
                }
            }
        }

        private static void copy(String resource, Path target) throws IOException {
            URL url = FileFixtures.class.getResource(resource);
            if (url == null) throw new IllegalStateException(resource + " is not on the test classpath");
            Path source;
            try {
                source = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            try (Stream<Path> all = Files.walk(source)) {
                for (Path from : (Iterable<Path>) all::iterator) {
                    Path to = target.resolve(source.relativize(from).toString());
                    if (Files.isDirectory(from)) Files.createDirectories(to);
                    else Files.copy(from, to);
                }
            }
            // after the copies: creating a child touches its directory's mtime
            try (Stream<Path> all = Files.walk(target)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Files.setLastModifiedTime(p, FileTime.fromMillis(MTIME));
                }
            }
        }

        private static void deleteQuietly(Path root) {
            try (Stream<Path> all = Files.walk(root)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary folder is harmless
            }
        }
    }
}
