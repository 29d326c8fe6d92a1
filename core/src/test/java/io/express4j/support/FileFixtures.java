package io.express4j.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * The file trees tests serve, copied by Maven to the test classpath: {@code fixtures/} (Express's own
 * {@code test/fixtures}: {@code name.txt} = {@code tobi}, {@code nums.txt} = {@code 123456789}, {@code users/},
 * {@code .name}, …) and {@code files/} (the oracle of EXPRESS.md §9: {@code nums.txt}, {@code hello.txt},
 * {@code .name}, {@code sub/index.html}). Every file and directory gets the oracle's mtime, 2024-01-02T03:04:05Z,
 * so validators are stable: {@code nums.txt} has {@code ETag: W/"9-18cc820d888"}.
 */
public final class FileFixtures {
    /** 2024-01-02T03:04:05Z. */
    public static final long MTIME = 1_704_164_645_000L;

    public static final String LAST_MODIFIED = "Tue, 02 Jan 2024 03:04:05 GMT";

    private static volatile boolean touched;

    private FileFixtures() {}

    /** Express's test/fixtures directory. */
    public static Path fixtures() {
        return tree("fixtures");
    }

    /** The §9 oracle's files directory. */
    public static Path files() {
        return tree("files");
    }

    /** An absolute path in fixtures, as a string (what res.sendFile takes). */
    public static String fixture(String name) {
        return fixtures().resolve(name).toString();
    }

    private static Path tree(String name) {
        try {
            Path root = Path.of(FileFixtures.class.getResource("/" + name).toURI());
            if (!touched) touchAll();
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void touchAll() {
        if (touched) return;
        for (String name : new String[] {"fixtures", "files"}) {
            try (Stream<Path> all = Files.walk(
                    Path.of(FileFixtures.class.getResource("/" + name).toURI()))) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Files.setLastModifiedTime(p, FileTime.fromMillis(MTIME));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        touched = true;
    }
}
