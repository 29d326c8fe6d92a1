package io.express4j.bench.servers;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.MorganOptions;
import io.express4j.Router;
import io.express4j.SessionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "typical stack" routes of run.sh (issue 15), the same as benchmarks/node/express.js's: {@code /stack/small}
 * and {@code /stack/json} behind helmet, cors, compression, morgan ({@code combined}, to a file) and a session
 * with the memory store; {@code /compress/100k}, a 100 KiB text body behind compression alone, for gzip and br
 * throughput. wrk sends no cookie, so every request gets a new, uninitialised session that is not saved.
 */
final class TypicalStack {
    private TypicalStack() {}

    static void mount(App app, Path staticDir) {
        Writer accessLog = accessLog();
        Router stack = Express.router();
        stack.use(Express.helmet());
        stack.use(Express.cors());
        stack.use(Express.compression());
        stack.use(Express.morgan("combined", new MorganOptions().stream(line -> {
                    try {
                        accessLog.write(line + "\n"); // one call per line: a BufferedWriter call is atomic
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })));
        stack.use(Express.session(
                new SessionOptions().secret("keyboard cat").resave(false).saveUninitialized(false)));
        Map<String, Object> tenKib = tenKibJson();
        stack.get("/small", (req, res) -> res.send(BenchPayloads.HELLO)); // under the compression threshold
        stack.get("/json", (req, res) -> res.json(tenKib)); // 10 KiB: compressed (br when offered)
        app.use("/stack", stack);

        Path text = staticDir.resolve("100kib.txt");
        if (Files.isRegularFile(text)) {
            byte[] body = read(text);
            app.get(
                    "/compress/100k",
                    Express.compression(),
                    (req, res) -> res.type("text").send(body));
        }
    }

    /** 128 users, 10,484 bytes as JSON: the same object as common.js's tenKibJson. */
    static Map<String, Object> tenKibJson() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", i);
            user.put("name", "user " + i);
            user.put("email", "user" + i + "@example.com");
            user.put("active", i % 2 == 0);
            user.put("score", (i * 37) % 100);
            items.add(user);
        }
        return Map.of("items", items);
    }

    /** ACCESS_LOG (run.sh sets it), else a file in the temporary folder; appended, buffered, flushed at exit. */
    private static Writer accessLog() {
        String env = System.getenv("ACCESS_LOG");
        Path file = env == null || env.isEmpty()
                ? Path.of(System.getProperty("java.io.tmpdir"), "express4j-access.log")
                : Path.of(env);
        try {
            Writer writer = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    writer.close();
                } catch (IOException e) {
                    // exiting: nothing left to tell
                }
            }));
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
