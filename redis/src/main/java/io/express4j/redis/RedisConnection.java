package io.express4j.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One store's link to Redis: a single Lettuce connection (thread-safe, pipelined; each request's virtual thread
 * blocks on its own command), opened on first use so an app starts while Redis is still down. Every way of not
 * getting an answer in time becomes a {@link RedisUnavailableException} (503): connecting fails within the timeout,
 * a command while the link is down is refused at once instead of queued, and a command gets no more than the
 * timeout. Lettuce reconnects by itself, retrying at most every second, so requests work again soon after Redis is
 * back.
 */
final class RedisConnection implements AutoCloseable {
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final String redacted;
    private final Duration timeout;
    private final ClientResources resources;
    private final RedisClient client;
    /** A lock, not {@code synchronized}: on JDK 21 a virtual thread blocked inside a monitor pins its carrier. */
    private final ReentrantLock connecting = new ReentrantLock();

    private volatile StatefulRedisConnection<String, String> connection;
    /** When the last failed connect ended: callers in the next {@code timeout} fail at once instead of queuing. */
    private long lastFailedConnect = Long.MIN_VALUE;

    RedisConnection(String redisUri, Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        RedisURI uri = RedisURI.create(Objects.requireNonNull(redisUri, "redisUri"));
        uri.setTimeout(timeout);
        this.redacted = uri.toString(); // RedisURI.toString leaves the password out
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /**
     * Runs {@code command} on the connection. Lettuce's failures to reach Redis become a
     * {@link RedisUnavailableException}; an error Redis itself answered (a wrong type, a script error) stays as it
     * is, a 500.
     */
    <T> T call(Function<RedisCommands<String, String>, T> command) {
        StatefulRedisConnection<String, String> link = connect();
        try {
            return command.apply(link.sync());
        } catch (RedisCommandExecutionException e) {
            throw e;
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    private StatefulRedisConnection<String, String> connect() {
        StatefulRedisConnection<String, String> link = connection;
        if (link != null) return link;
        connecting.lock();
        try {
            if (connection != null) return connection;
            long now = System.nanoTime();
            if (lastFailedConnect != Long.MIN_VALUE && now - lastFailedConnect < timeout.toNanos()) {
                throw new RedisUnavailableException("Redis at " + redacted + " is unreachable", null);
            }
            try {
                connection = client.connect();
                return connection;
            } catch (RedisException e) {
                lastFailedConnect = System.nanoTime();
                throw unavailable(e);
            }
        } finally {
            connecting.unlock();
        }
    }

    private RedisUnavailableException unavailable(RedisException e) {
        return new RedisUnavailableException("Redis at " + redacted + " is unavailable: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> link = connection;
        if (link != null) link.close();
        client.shutdown();
        resources.shutdown();
    }
}
