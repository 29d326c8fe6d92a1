package io.express4j.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs a main class of the test class path in a new JVM, as a user's program would run: for what only a whole
 * process shows (does the JVM exit, what reaches standard error).
 */
public final class ChildJvm {
    /** Generous: a loaded machine may take seconds to start a JVM. */
    private static final long TIMEOUT_SECONDS = 120;

    private ChildJvm() {}

    /** How the child ended: exit code (-1 when it had to be killed), standard output and standard error. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean killed() {
            return exitCode == -1;
        }
    }

    /** Runs {@code main} on this JVM's class and module path entries, minus those {@code drop} matches. */
    public static Result run(Class<?> main, Predicate<String> drop, String... args)
            throws IOException, InterruptedException {
        // surefire puts a module's classes and dependencies on the module path: the child gets both on its class path
        String paths =
                System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("jdk.module.path", "");
        String classPath = Arrays.stream(paths.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .filter(drop.negate())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx128m",
                "-cp",
                classPath,
                main.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("child-jvm", ".out");
        Path err = Files.createTempFile("child-jvm", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            int code;
            if (process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                code = process.exitValue();
            } else {
                process.destroyForcibly().waitFor();
                code = -1;
            }
            return new Result(
                    code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
