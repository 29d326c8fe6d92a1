package io.express4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link InProcessLoop}: tasks run in order, one thread at a time, on the thread that waits on the loop, or on its
 * background thread while none waits; timers fire without a waiter; {@code inEventLoop} holds inside tasks only.
 */
class InProcessLoopTest {
    private static final long GENEROUS = TimeUnit.SECONDS.toNanos(30);
    private final InProcessLoop loop = InProcessLoop.shared();

    @Test
    void theWaitingThreadRunsTasksInOrder() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        List<Boolean> inLoop = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Boolean> waited = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                waited.complete(loop.await(done::get, System.nanoTime() + GENEROUS));
            } catch (InterruptedException e) {
                waited.completeExceptionally(e);
            }
        });
        // submitted from a virtual thread, as a handler's writes are
        Thread.ofVirtual()
                .start(() -> {
                    for (int i = 1; i <= 3; i++) {
                        int n = i;
                        loop.execute(() -> {
                            order.add(n);
                            ranOn.add(Thread.currentThread());
                            inLoop.add(loop.inEventLoop());
                            if (n == 3) done.set(true);
                        });
                    }
                })
                .join();
        assertThat(waited.get(30, TimeUnit.SECONDS)).isTrue();
        waiter.join();
        assertThat(order).containsExactly(1, 2, 3);
        assertThat(inLoop).containsOnly(true);
        // run by the waiting thread, or by the background one if they came before it started waiting
        assertThat(ranOn)
                .allSatisfy(t -> assertThat(t == waiter || t.getName().equals("express4j-in-process"))
                        .isTrue());
        assertThat(loop.inEventLoop()).isFalse();
    }

    @Test
    void tasksQueuedWhileNobodyWaitsRunOnTheBackgroundThread() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        loop.execute(() -> {
            ranOn.set(Thread.currentThread().getName());
            ran.countDown();
        });
        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get()).isEqualTo("express4j-in-process");
    }

    @Test
    void aTimerFiresWithoutAWaiter() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        AtomicBoolean inLoop = new AtomicBoolean();
        loop.schedule(
                () -> {
                    inLoop.set(loop.inEventLoop());
                    fired.countDown();
                },
                20,
                TimeUnit.MILLISECONDS);
        assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(inLoop.get()).isTrue();
    }

    @Test
    void aWaiterRunsATimerThatComesDue() throws Exception {
        AtomicBoolean fired = new AtomicBoolean();
        loop.runHere(() -> loop.schedule(() -> fired.set(true), 20, TimeUnit.MILLISECONDS));
        assertThat(loop.await(fired::get, System.nanoTime() + GENEROUS)).isTrue();
    }

    @Test
    void awaitGivesUpAtTheDeadline() throws Exception {
        assertThat(loop.await(() -> false, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50)))
                .isFalse();
    }

    @Test
    void runHereRunsOnTheCallingThreadWithWhatItQueues() {
        Thread me = Thread.currentThread();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        String result = loop.runHere(() -> {
            ranOn.add(Thread.currentThread());
            assertThat(loop.inEventLoop()).isTrue();
            loop.execute(() -> ranOn.add(Thread.currentThread())); // queued, and run before runHere returns
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(ranOn).containsExactly(me, me);
        assertThat(loop.inEventLoop()).isFalse();
    }

    @Test
    void twoThreadsWaitAtOnce() throws Exception {
        AtomicBoolean first = new AtomicBoolean();
        AtomicBoolean second = new AtomicBoolean();
        // threads of their own: the common pool may have a single worker on a small machine
        CompletableFuture<Boolean> a = new CompletableFuture<>();
        CompletableFuture<Boolean> b = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> a.complete(await(first)));
        Thread.ofPlatform().start(() -> b.complete(await(second)));
        loop.execute(() -> second.set(true));
        assertThat(b.get(30, TimeUnit.SECONDS)).isTrue();
        loop.execute(() -> first.set(true));
        assertThat(a.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void waitingInsideATaskIsRefused() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        loop.runHere(() -> {
            try {
                loop.await(() -> true, System.nanoTime() + GENEROUS);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        assertThat(thrown.get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("waiting inside the event loop would never end");
    }

    @Test
    void neverShutsDown() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        assertThat(loop.isShuttingDown()).isFalse();
        AtomicBoolean ran = new AtomicBoolean();
        loop.runHere(() -> ran.set(true));
        assertThat(ran).isTrue();
        assertThatThrownBy(() -> loop.terminationFuture().get(10, TimeUnit.MILLISECONDS))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
    }

    private boolean await(AtomicBoolean flag) {
        try {
            return loop.await(flag::get, System.nanoTime() + GENEROUS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
