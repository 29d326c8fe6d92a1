package io.express4j.bench.jmh;

import io.express4j.http.ETags;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Netty → virtual thread hand-off of every express4j request, and the hand-back: the virtual thread's
 * {@code writeAndFlush} becomes a task on the channel's event loop. {@code eventLoopRoundTrip} is the baseline
 * (caller → event loop → caller); {@code eventLoopToVirtualThreadAndBack} adds what express4j adds (the loop
 * starts a virtual thread, which hands its result back to the loop). {@code startJoin} is the bare virtual
 * thread; {@code etagOnNewVirtualThread} shows what a per-thread cache costs when every request has a new
 * thread (ETags keeps its MessageDigest in a ThreadLocal, so each request makes one: {@code sha1GetInstance}; a
 * clone of a prototype, {@code sha1ClonePrototype}, is the alternative).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HandoffBenchmark {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    private static final MessageDigest SHA1_PROTOTYPE = sha1();

    private EventLoop loop;

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Setup
    public void setUp() {
        loop = new DefaultEventLoop();
    }

    @TearDown
    public void tearDown() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Benchmark
    public int directCall() {
        return work();
    }

    @Benchmark
    public Thread startJoin() throws InterruptedException {
        Thread t = Thread.ofVirtual().start(HandoffBenchmark::work);
        t.join();
        return t;
    }

    /** Start, then block until the virtual thread hands a value back. */
    @Benchmark
    public Integer startAndBlockingHandBack() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> done.complete(work()));
        return done.join();
    }

    @Benchmark
    public Integer eventLoopRoundTrip() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        loop.execute(() -> done.complete(work()));
        return done.join();
    }

    @Benchmark
    public Integer eventLoopToVirtualThreadAndBack() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        loop.execute(() -> Thread.ofVirtual().start(() -> {
            int result = work();
            loop.execute(() -> done.complete(result));
        }));
        return done.join();
    }

    @Benchmark
    public String etagOnCallerThread() {
        return ETags.generate(HELLO, true);
    }

    @Benchmark
    public String etagOnNewVirtualThread() {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> done.complete(ETags.generate(HELLO, true)));
        return done.join();
    }

    @Benchmark
    public MessageDigest sha1GetInstance() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-1");
    }

    @Benchmark
    public MessageDigest sha1ClonePrototype() throws CloneNotSupportedException {
        return (MessageDigest) SHA1_PROTOTYPE.clone();
    }

    /** A request's worth of trivial work, so no variant is optimised into nothing. */
    private static int work() {
        return HELLO.length;
    }
}
