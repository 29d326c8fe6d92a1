package io.express4j.redis;

import io.express4j.HttpError;
import java.util.Map;

/**
 * Redis could not be reached in time (refused, down, reconnecting, or no answer within the command timeout): a 503
 * {@link HttpError}, so a request whose session or rate limit needs Redis gets {@code 503 Service Unavailable}
 * through {@code next(err)} instead of waiting. Its cause is Lettuce's exception.
 */
public final class RedisUnavailableException extends HttpError {
    private static final long serialVersionUID = 1L;

    RedisUnavailableException(String message, Throwable cause) {
        super(503, message, Map.of(), null, cause);
    }
}
