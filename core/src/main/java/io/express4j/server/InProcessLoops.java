package io.express4j.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event loop every in-process server and its connections share. One thread: a client's channel and the
 * server's end of it then sit on the same loop, so bytes pass from one to the other without a thread hop (handlers
 * still run on virtual threads; the loop only moves bytes). Made once and never shut down: test clients come and go
 * by the thousand, and a group per client would cost threads and start-up time each; a daemon thread, so a JVM whose
 * tests forgot to close a client still exits.
 */
final class InProcessLoops {
    private InProcessLoops() {}

    private static final class Holder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("express4j-in-process", true), LocalIoHandler.newFactory());
    }

    static EventLoopGroup group() {
        return Holder.GROUP;
    }
}
