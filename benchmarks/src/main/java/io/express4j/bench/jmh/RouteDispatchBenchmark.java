package io.express4j.bench.jmh;

import io.express4j.App;
import io.express4j.BenchRequests;
import io.express4j.Express;
import io.express4j.Response;
import io.express4j.bench.servers.BenchPayloads;
import io.express4j.routing.PathPattern;
import io.express4j.server.BenchExchanges;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route matching with 10, 100 and 1,000 routes, the matching one registered last (Express scans its stack in
 * order, so this is the worst case). {@code routerDispatch} is the real thing: a new req/res, the app's
 * X-Powered-By, RouterDispatch over the stack, params, the route's handler. {@code routerDispatchSharedPrefix}
 * matches one of the decoys near the end instead, whose first segments it shares with every other decoy (a REST
 * table under {@code /api/v1}). {@code patternScan} is only the {@link PathPattern} matching that dispatch does
 * per layer, to tell matching from the rest of dispatch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RouteDispatchBenchmark {
    @Param({"10", "100", "1000"})
    public int routes;

    private App app;
    private HttpRequest head;
    private HttpRequest sharedPrefixHead;
    private List<PathPattern> patterns;
    private String matchedId;

    @Setup
    public void setUp() {
        app = Express.app();
        patterns = new ArrayList<>();
        for (int i = 0; i < routes - 1; i++) {
            String path = BenchPayloads.decoyPath(i);
            app.get(path, (req, res) -> matchedId = "decoy " + req.params("id")); // no I/O, like the route
            patterns.add(PathPattern.compile(path, true, false, false));
        }
        app.get("/users/:id", (req, res) -> matchedId = req.params("id"));
        patterns.add(PathPattern.compile("/users/:id", true, false, false));
        head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/users/42");
        BenchRequests.dispatch(app, BenchExchanges.exchange(head, null));
        if (!"42".equals(matchedId)) throw new IllegalStateException("the route did not match: " + matchedId);
        // decoy routes - 3 is odd for 10, 100 and 1,000: "/api/v1/resource<i>/:id"
        String decoy = BenchPayloads.decoyPath(routes - 3).replace(":id", "42");
        sharedPrefixHead = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, decoy);
        BenchRequests.dispatch(app, BenchExchanges.exchange(sharedPrefixHead, null));
        if (!"decoy 42".equals(matchedId)) throw new IllegalStateException(decoy + " did not match: " + matchedId);
    }

    @Benchmark
    public Response routerDispatch() {
        return BenchRequests.dispatch(app, BenchExchanges.exchange(head, null));
    }

    @Benchmark
    public Response routerDispatchSharedPrefix() {
        return BenchRequests.dispatch(app, BenchExchanges.exchange(sharedPrefixHead, null));
    }

    @Benchmark
    public PathPattern.Match patternScan() {
        for (PathPattern p : patterns) {
            PathPattern.Match m = p.match("/users/42");
            if (m != null) return m;
        }
        return null;
    }
}
