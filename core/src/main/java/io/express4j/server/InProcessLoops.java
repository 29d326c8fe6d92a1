package io.express4j.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event loops every in-process server and its connections share. Made once and never shut down: test clients
 * come and go by the thousand, and a group per client would cost threads and start-up time each; daemon threads, so
 * a JVM whose tests forgot to close a client still exits.
 */
final class InProcessLoops {
    private InProcessLoops() {}

    private static final class Holder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("express4j-in-process", true),
                LocalIoHandler.newFactory());
    }

    static EventLoopGroup group() {
        return Holder.GROUP;
    }
}
