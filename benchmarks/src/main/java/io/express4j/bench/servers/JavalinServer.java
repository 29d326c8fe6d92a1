package io.express4j.bench.servers;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import java.io.OutputStream;
import java.util.Map;

/**
 * Javalin 7 (Jetty 12) with request handlers on virtual threads, the peer closest to express4j's model. Defaults
 * otherwise: Javalin computes no ETag for dynamic responses unless {@code http.generateEtags} is set (we leave it
 * as a user gets it); its static files come from Jetty's resource service.
 */
public final class JavalinServer {
    private JavalinServer() {}

    public static void main(String[] args) {
        int decoys = BenchPayloads.decoyRoutes();
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson3());
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = BenchPayloads.staticDir().toString();
                files.location = Location.EXTERNAL;
            });
            for (int i = 0; i < decoys; i++) {
                config.routes.get(BenchPayloads.decoyPath(i).replace("/:id", "/{id}"), ctx -> ctx.result("decoy"));
            }
            config.routes.get("/plaintext", ctx -> ctx.result(BenchPayloads.HELLO));
            // ws.sh: echo round trips
            config.routes.ws("/ws", ws -> ws.onMessage(ctx -> ctx.send(ctx.message())));
            config.routes.get("/json", ctx -> ctx.json(Map.of(BenchPayloads.MESSAGE_KEY, BenchPayloads.HELLO)));
            config.routes.get("/stream", ctx -> {
                ctx.contentType("application/octet-stream");
                OutputStream out = ctx.outputStream();
                for (int i = 0; i < BenchPayloads.STREAM_WRITES; i++) {
                    out.write(BenchPayloads.KIB);
                    out.flush();
                }
            });
        });
        app.start(BenchPayloads.port(args, 8085));
        System.out.println("javalin listening on " + app.port());
    }
}
