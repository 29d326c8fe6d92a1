package io.express4j.server;

import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request body as a stream: the event loop offers chunks as they are decoded, the handler's thread reads them.
 * The queue is bounded by bytes: past the high-water mark the connection stops reading from the socket, and it
 * resumes once the reader has drained the queue below half of it, so a fast client cannot make memory grow.
 */
final class RequestBody extends InputStream {
    interface FlowControl {
        /** Called from the reader's thread when the queue fell below the low-water mark after a pause. */
        void resumeReading();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final int highWaterMark;
    private final FlowControl flow;
    private final EventExecutor eventLoop;
    private byte[] head;
    private int headPos;
    private long queued;
    private boolean ended;
    private boolean paused;
    private boolean discarding;
    private boolean endSeen;
    private IOException failure;
    /** Runs before the first read (sends a 100 Continue the client waits for); null once run. */
    private volatile Runnable firstRead;

    RequestBody(int highWaterMark, FlowControl flow, EventExecutor eventLoop) {
        this.highWaterMark = highWaterMark;
        this.flow = flow;
        this.eventLoop = eventLoop;
    }

    void onFirstRead(Runnable action) {
        firstRead = action;
    }

    /** Event loop: a decoded chunk. Returns true when the producer should pause reading the socket. */
    boolean offer(byte[] chunk) {
        lock.lock();
        try {
            if (discarding || failure != null) return false;
            chunks.add(chunk);
            queued += chunk.length;
            readable.signalAll();
            if (queued >= highWaterMark) paused = true;
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** Event loop: the last chunk arrived. */
    void end() {
        lock.lock();
        try {
            ended = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Event loop: the connection broke before the body was complete. */
    void fail(IOException cause) {
        lock.lock();
        try {
            if (!ended && failure == null) failure = cause; // the first cause is the one to report
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The response is done: whatever is queued or still arrives is dropped. */
    void discard() {
        lock.lock();
        try {
            discarding = true;
            chunks.clear();
            head = null;
            queued = 0;
            paused = false;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a reader has reached the end (Node's {@code readableEnded}), or the body was discarded. */
    boolean isFinished() {
        lock.lock();
        try {
            return endSeen || discarding;
        } finally {
            lock.unlock();
        }
    }

    boolean isEnded() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        // The chunks arrive on the event loop: waiting for them there would wait forever. Refused even when data is
        // queued, so that the mistake shows on the first request rather than under load.
        if (eventLoop.inEventLoop()) {
            throw new IllegalStateException("the request body cannot be read on the event loop: a handler marked"
                    + " with Express.nonBlocking must not read it (leave body parsers and body readers unmarked)");
        }
        if (len == 0) return 0;
        Runnable first = firstRead;
        if (first != null) {
            firstRead = null;
            first.run();
        }
        boolean resume = false;
        int n;
        lock.lock();
        try {
            while (head == null) {
                if (discarding) return -1;
                byte[] next = chunks.poll();
                if (next != null) {
                    head = next;
                    headPos = 0;
                    break;
                }
                if (failure != null) throw failure;
                if (ended) {
                    endSeen = true;
                    return -1;
                }
                try {
                    readable.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading the request body", e);
                }
            }
            n = Math.min(len, head.length - headPos);
            System.arraycopy(head, headPos, buf, off, n);
            headPos += n;
            if (headPos == head.length) head = null;
            queued -= n;
            if (paused && queued < highWaterMark / 2) {
                paused = false;
                resume = true;
            }
        } finally {
            lock.unlock();
        }
        if (resume) flow.resumeReading();
        return n;
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, queued);
        } finally {
            lock.unlock();
        }
    }
}
