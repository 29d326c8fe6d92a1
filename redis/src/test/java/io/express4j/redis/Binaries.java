package io.express4j.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the programs the tests start (redis-server, nginx, node) on the PATH or in Debian's sbin folders. A test
 * whose program is missing is skipped, unless {@code -Dexpress4j.redis.required=true} ({@code .ci/scale-out}
 * installs them and sets it, so CI cannot skip silently).
 */
final class Binaries {
    private Binaries() {}

    static Path require(String name) {
        Optional<Path> found = find(name);
        if (Boolean.getBoolean("express4j.redis.required")) {
            assertThat(found)
                    .as(name + " on the PATH (-Dexpress4j.redis.required=true)")
                    .isPresent();
        }
        assumeTrue(found.isPresent(), "no " + name + " on the PATH: skipped (Debian: apt-get install " + name + ")");
        return found.get();
    }

    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
