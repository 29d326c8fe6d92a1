package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering and the module's surface, read from the compiled classes: only {@code io.express4j.server} may refer
 * to Netty, and the module exports the API and the SPI alone (the server package only to the test client).
 */
class ModuleBoundaryTest {

    static Path classesDir() throws URISyntaxException {
        return Path.of(Express.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    @Test
    void onlyTheServerPackageRefersToNetty() throws Exception {
        Path root = classesDir();
        Set<String> nettyUsers = new TreeSet<>();
        Set<String> serverClasses = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.startsWith("io/express4j/server/")) {
                    if (mentionsNetty(file)) serverClasses.add(name);
                } else if (mentionsNetty(file)) {
                    nettyUsers.add(name);
                }
            }
        }
        assertThat(serverClasses).as("the scan sees Netty where it is").isNotEmpty();
        assertThat(nettyUsers)
                .as("classes outside io.express4j.server that refer to io.netty")
                .isEmpty();
    }

    /** A class refers to another by its internal name ({@code io/netty/...}) in its constant pool. */
    private static boolean mentionsNetty(Path classFile) throws IOException {
        return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("io/netty/");
    }

    @Test
    void exportsTheApiAndTheSpiOnly() throws Exception {
        ModuleDescriptor module =
                ModuleFinder.of(classesDir()).find("io.express4j").orElseThrow().descriptor();
        Map<String, Set<String>> exports = module.exports().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertThat(exports)
                .isEqualTo(Map.of(
                        "io.express4j", Set.of(),
                        "io.express4j.spi", Set.of(),
                        "io.express4j.server", Set.of("io.express4j.test")));
        assertThat(module.packages())
                .containsAll(List.of(
                        "io.express4j.http",
                        "io.express4j.body",
                        "io.express4j.send",
                        "io.express4j.routing",
                        "io.express4j.access"));
    }
}
