package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering and the module's surface, read from the compiled classes: only {@code io.express4j.server} may refer
 * to Netty, the module exports the API and the SPI alone (the server package only to the test client), and no
 * public signature in an exported package mentions an internal type.
 */
class ModuleBoundaryTest {
    private static final Set<String> EXPORTED = Set.of("io.express4j", "io.express4j.spi");

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

    @Test
    void publicSignaturesOfTheApiMentionOnlyExportedTypes() throws Exception {
        Path root = classesDir();
        List<String> leaks = new ArrayList<>();
        int members = 0;
        for (String pkg : EXPORTED) {
            try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = file.getFileName().toString().replace(".class", "");
                    if (name.equals("module-info")) continue;
                    Class<?> type =
                            Class.forName(pkg + "." + name.replace('$', '.').replace('.', '$'));
                    if (!isVisible(type)) continue;
                    List<Type> mentioned = new ArrayList<>();
                    if (type.getGenericSuperclass() != null) mentioned.add(type.getGenericSuperclass());
                    mentioned.addAll(Arrays.asList(type.getGenericInterfaces()));
                    check(type.getName(), mentioned, leaks);
                    for (Executable e : executables(type)) {
                        if (!isVisibleMember(e)) continue;
                        members++;
                        List<Type> types = new ArrayList<>(Arrays.asList(e.getGenericParameterTypes()));
                        types.addAll(Arrays.asList(e.getGenericExceptionTypes()));
                        if (e instanceof Method m) types.add(m.getGenericReturnType());
                        check(e.toGenericString(), types, leaks);
                    }
                    for (Field f : type.getDeclaredFields()) {
                        if (isVisibleMember(f)) check(f.toGenericString(), List.of(f.getGenericType()), leaks);
                    }
                }
            }
        }
        assertThat(members).as("public members seen").isGreaterThan(300);
        assertThat(leaks)
                .as("public API signatures that mention internal types")
                .isEmpty();
    }

    private static List<Executable> executables(Class<?> type) {
        List<Executable> all = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
        all.addAll(Arrays.asList(type.getDeclaredConstructors()));
        return all;
    }

    /** Public, or protected in a class users may extend; and every enclosing class public. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass()) return false;
        }
        return true;
    }

    private static boolean isVisibleMember(Member m) {
        if (m instanceof Method method && (method.isSynthetic() || method.isBridge())) return false;
        int mod = m.getModifiers();
        return Modifier.isPublic(mod)
                || (Modifier.isProtected(mod)
                        && !Modifier.isFinal(m.getDeclaringClass().getModifiers()));
    }

    private static void check(String where, List<Type> types, List<String> leaks) {
        for (Type t : types) {
            for (Class<?> c : rawTypes(t)) {
                String pkg = c.getPackageName();
                if (pkg.startsWith("io.express4j") && !EXPORTED.contains(pkg))
                    leaks.add(where + " mentions " + c.getName());
            }
        }
    }

    private static List<Class<?>> rawTypes(Type t) {
        List<Class<?>> out = new ArrayList<>();
        collect(t, new java.util.HashSet<>(), out);
        return out;
    }

    /** The classes a generic type names; {@code seen} stops at recursive bounds ({@code T extends X<T>}). */
    private static void collect(Type t, Set<Type> seen, List<Class<?>> out) {
        if (!seen.add(t)) return;
        if (t instanceof Class<?> c) {
            out.add(c.isArray() ? c.componentType() : c);
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), seen, out);
            for (Type a : p.getActualTypeArguments()) collect(a, seen, out);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) collect(b, seen, out);
            for (Type b : w.getLowerBounds()) collect(b, seen, out);
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), seen, out);
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) collect(b, seen, out);
        }
    }
}
