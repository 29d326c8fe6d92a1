package io.express4j.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelPromise;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoRegistration;
import io.netty.channel.local.LocalIoHandler;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The event loop of every in-process server and connection, run by the threads that wait on it.
 *
 * <p>A client waiting for a response runs the loop itself ({@link #await}): its request is decoded and handed to
 * a virtual thread, and the response that thread writes is framed and delivered, on the waiting thread. A request
 * then costs two thread hand-offs, to the handler's virtual thread and back, where a loop with a thread of its own
 * adds two more (client to loop, loop to client). While no thread waits, a daemon thread runs what is queued: the
 * end of a response nobody reads yet, a close, a timer.
 *
 * <p>One thread at a time runs the loop (a lock), and {@link #inEventLoop(Thread)} is true for that thread only,
 * so the channels see what a loop thread of their own gives them: their events in order, one at a time, with
 * everything an earlier one did visible to the next. Netty has no such loop: its {@code ManualIoEventLoop} is run
 * by hand, but by one thread fixed for its life, while test clients come and go on any thread.
 */
final class InProcessLoop extends AbstractScheduledEventExecutor implements IoEventLoop {
    /** How long a thread waiting on another's run of the loop sleeps before it looks again, at most. */
    private static final long WAITER_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final long NO_TIMER = Long.MAX_VALUE;

    /**
     * How long the thread running the loop busy-waits for a task before it parks: a handler that answers within it
     * (most do) completes the waiting client without a park and an unpark, each a trip through the OS scheduler.
     */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ReentrantLock running = new ReentrantLock();
    /** The thread running the loop, null while none does. */
    private volatile Thread driver;
    /** Threads waiting for something while another runs the loop: woken after each run of tasks. */
    private final Set<Thread> waiters = ConcurrentHashMap.newKeySet();

    private final IoHandler io = LocalIoHandler.newFactory().newHandler(this);
    private final Thread background;
    /** When the background thread wakes by itself next (the ticker's clock), {@link #NO_TIMER} if it does not. */
    private volatile long backgroundWakesAt = NO_TIMER;

    private final Promise<?> terminationFuture = new DefaultPromise<Void>(GlobalEventExecutor.INSTANCE);

    private InProcessLoop() {
        background =
                Thread.ofPlatform().name("express4j-in-process").daemon(true).unstarted(this::runInBackground);
        background.start();
    }

    private static final class Holder {
        static final InProcessLoop SHARED = new InProcessLoop();
    }

    /**
     * The loop all in-process servers share: made once and never shut down (test clients come and go by the
     * thousand; one idle daemon thread is all it keeps).
     */
    static InProcessLoop shared() {
        return Holder.SHARED;
    }

    // ---- running the loop on the calling thread ----

    /**
     * Runs the loop on the calling thread until {@code ready} is true, or until {@code deadline} ({@link
     * System#nanoTime()}) has passed; returns {@code ready}'s last answer. While another thread runs the loop, this
     * one waits for it to have run what it had. {@code deadline} {@link Long#MAX_VALUE} waits without end.
     */
    boolean await(BooleanSupplier ready, long deadline) throws InterruptedException {
        Thread me = Thread.currentThread();
        if (inEventLoop(me)) throw new IllegalStateException("waiting inside the event loop would never end");
        boolean waiting = false;
        try {
            for (; ; ) {
                if (ready.getAsBoolean()) return true;
                if (tryDrive()) {
                    try {
                        if (waiting) waiters.remove(me);
                        waiting = false;
                        return drive(ready, deadline);
                    } finally {
                        release();
                    }
                }
                // another thread runs the loop: it wakes the waiters after each run of tasks
                if (!waiting) {
                    waiters.add(me);
                    waiting = true;
                    continue; // look again before sleeping: that run may have ended meanwhile
                }
                long left = deadline == Long.MAX_VALUE ? WAITER_NAP_NANOS : deadline - System.nanoTime();
                if (left <= 0) return ready.getAsBoolean();
                LockSupport.parkNanos(this, Math.min(left, WAITER_NAP_NANOS));
                if (Thread.interrupted()) throw new InterruptedException();
            }
        } finally {
            if (waiting) waiters.remove(me);
        }
    }

    /** The calling thread runs the loop until {@code ready} or the deadline. */
    private boolean drive(BooleanSupplier ready, long deadline) throws InterruptedException {
        for (; ; ) {
            runTasks();
            if (ready.getAsBoolean()) return true;
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0) return false;
            long timer = nextScheduledTaskNano();
            if (timer >= 0) left = Math.min(left, timer);
            // execute() wakes the running thread; a task queued since runTasks() makes park return at once
            if (tasks.isEmpty() && left > 0 && !spinFor(Math.min(left, SPIN_NANOS))) LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }

    /**
     * Runs {@code action} on the calling thread, as the loop's thread when no other thread runs it (what the action
     * queues then runs here at once, with no hand-off), else as any other thread (what it queues then runs on the
     * thread running the loop). For actions that are safe from any thread, such as a channel's write or close.
     */
    <T> T runHere(Supplier<T> action) {
        if (inEventLoop() || !tryDrive()) return action.get();
        try {
            // first what was queued before: an earlier write of this caller, queued while another thread ran the
            // loop, must reach the channel before this one (a request's body overtook its head without this)
            runTasks();
            T result = action.get();
            runTasks();
            return result;
        } finally {
            release();
        }
    }

    /** {@link #runHere(Supplier)} for an action without a result. */
    void runHere(Runnable action) {
        runHere(() -> {
            action.run();
            return null;
        });
    }

    /** Whether a task arrived within {@code nanos} of busy waiting. */
    private boolean spinFor(long nanos) {
        if (nanos <= 0) return false;
        long end = System.nanoTime() + nanos;
        while (tasks.isEmpty()) {
            if (System.nanoTime() - end > 0) return false;
            Thread.onSpinWait();
        }
        return true;
    }

    private boolean tryDrive() {
        if (!running.tryLock()) return false;
        driver = Thread.currentThread();
        return true;
    }

    /**
     * Gives the loop up. A task queued while this thread was leaving, or a timer due before the background thread
     * would wake, wakes the background thread: some thread must run them.
     */
    private void release() {
        long timer = nextScheduledTaskDeadlineNanos();
        driver = null;
        running.unlock();
        if (!tasks.isEmpty() || (timer != -1 && timer < backgroundWakesAt)) LockSupport.unpark(background);
        if (!waiters.isEmpty()) for (Thread waiter : waiters) LockSupport.unpark(waiter);
    }

    /** Runs queued tasks and due timers until none is left; the caller runs the loop. */
    private void runTasks() {
        for (; ; ) {
            fetchFromScheduledTaskQueue(tasks);
            Runnable task = tasks.poll();
            if (task == null) return;
            do {
                safeExecute(task);
            } while ((task = tasks.poll()) != null);
            if (!waiters.isEmpty()) for (Thread waiter : waiters) LockSupport.unpark(waiter);
        }
    }

    /** Runs what is queued while no other thread does, and timers when they are due. */
    private void runInBackground() {
        for (; ; ) {
            // said before trying: a thread running the loop now reads it on leaving, and wakes this one for its
            // timers (see release)
            backgroundWakesAt = NO_TIMER;
            if (tryDrive()) {
                try {
                    runTasks();
                    long timer = nextScheduledTaskDeadlineNanos();
                    backgroundWakesAt = timer == -1 ? NO_TIMER : timer;
                } finally {
                    release();
                }
            }
            long wakesAt = backgroundWakesAt;
            if (wakesAt == NO_TIMER) LockSupport.park(this);
            else LockSupport.parkNanos(this, wakesAt - getCurrentTimeNanos());
            Thread.interrupted(); // nobody interrupts this thread; a stray interrupt must not make park spin
        }
    }

    // ---- EventExecutor ----

    @Override
    public boolean inEventLoop(Thread thread) {
        return thread == driver;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(Objects.requireNonNull(task, "task"));
        if (!inEventLoop()) {
            Thread running = driver;
            LockSupport.unpark(running != null ? running : background);
        }
    }

    /** Never shuts down: the loop is shared for the life of the JVM (its thread is a daemon). */
    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        return terminationFuture;
    }

    @Override
    @Deprecated
    public void shutdown() {}

    @Override
    public Future<?> terminationFuture() {
        return terminationFuture;
    }

    @Override
    public boolean isShuttingDown() {
        return false;
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }

    // ---- IoEventLoop: channels register with Netty's LocalIoHandler, as on Netty's own loops ----

    @Override
    public InProcessLoop next() {
        return this;
    }

    @Override
    public IoEventLoopGroup parent() {
        return null;
    }

    @Override
    public Future<IoRegistration> register(IoHandle handle) {
        Promise<IoRegistration> promise = newPromise();
        if (inEventLoop()) registerNow(handle, promise);
        else execute(() -> registerNow(handle, promise));
        return promise;
    }

    private void registerNow(IoHandle handle, Promise<IoRegistration> promise) {
        IoRegistration registration;
        try {
            registration = io.register(handle);
        } catch (Exception e) {
            promise.setFailure(e);
            return;
        }
        promise.setSuccess(registration);
    }

    @Override
    @Deprecated
    public ChannelFuture register(Channel channel) {
        return register(new DefaultChannelPromise(channel, this));
    }

    @Override
    @Deprecated
    public ChannelFuture register(ChannelPromise promise) {
        promise.channel().unsafe().register(this, promise);
        return promise;
    }

    @Override
    @Deprecated
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        channel.unsafe().register(this, promise);
        return promise;
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return io.isCompatible(handleType);
    }

    @Override
    public boolean isIoType(Class<? extends IoHandler> handlerType) {
        return io.getClass().equals(handlerType);
    }
}
