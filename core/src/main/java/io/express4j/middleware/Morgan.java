package io.express4j.middleware;

import io.express4j.Middleware;
import io.express4j.MorganFormat;
import io.express4j.MorganOptions;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * morgan 1.10's logger: starts the request's clock, notes when the head is written ({@code res.onHeaders}) and
 * writes one line when the response is done or the connection closed first ({@code res.onFinished}) — or at once
 * with {@code immediate}. Lines go to the options' stream, else to standard output with a newline.
 */
public final class Morgan implements Middleware {
    private final MorganFormat format;
    private final Consumer<String> stream;
    private final BiPredicate<Request, Response> skip;
    private final boolean immediate;

    public Morgan(MorganFormat format, MorganOptions options) {
        if (format == null) throw new IllegalArgumentException("argument format must be a string or a MorganFormat");
        this.format = format;
        this.stream = options.stream() != null ? options.stream() : Morgan::toStandardOutput;
        this.skip = options.skip();
        this.immediate = options.immediate();
    }

    @Override
    public void handle(Request req, Response res, Next next) {
        RequestTiming timing = RequestTiming.start(req);
        if (immediate) {
            log(req, res);
        } else {
            res.onHeaders(() -> timing.headStarting(res));
            res.onFinished(err -> log(req, res));
        }
        next.run();
    }

    private void log(Request req, Response res) {
        if (skip != null && skip.test(req, res)) return;
        String line = format.line(MorganTokens.INSTANCE, req, res);
        if (line != null) stream.accept(line);
    }

    private static void toStandardOutput(String line) {
        System.out.print(line + "\n"); // morgan writes "\n" whatever the platform's separator
    }
}
