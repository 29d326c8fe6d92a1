package io.express4j;

import io.express4j.http.HttpErrorNames;
import io.express4j.http.StatusCodes;
import java.util.Map;

/**
 * An error with an HTTP status, like the {@code http-errors} objects Express's middleware throw. The default error
 * page uses its status and headers; {@link #type()} carries Express's machine-readable kind
 * ({@code "entity.too.large"}, …) where one applies.
 */
public class HttpError extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;
    private final String type;

    public HttpError(int status, String message) {
        this(status, message, Map.of(), null, null);
    }

    public HttpError(int status, String message, Map<String, String> headers) {
        this(status, message, headers, null, null);
    }

    public HttpError(int status, String message, Map<String, String> headers, String type, Throwable cause) {
        super(message == null ? StatusCodes.reason(status) : message, cause);
        if (status < 400 || status > 599) throw new IllegalArgumentException("HttpError status must be 400-599");
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.type = type;
    }

    /** An error with the standard reason phrase as message ({@code createError(404)}). */
    public static HttpError of(int status) {
        return new HttpError(status, null);
    }

    public int status() {
        return status;
    }

    /** Headers the default error page adds to the response (e.g. {@code Retry-After}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Express's error {@code type} string, or null. */
    public String type() {
        return type;
    }

    /** Whether the message is safe to show a client: true for 4xx, as http-errors decides. */
    public boolean expose() {
        return status < 500;
    }

    /**
     * The error's name as http-errors gives it for the status ({@code NotFoundError}, {@code InternalServerError},
     * …); a subclass may name itself otherwise.
     */
    public String name() {
        return HttpErrorNames.of(status);
    }

    /** {@code name(): message}, what Express prints for {@code err.stack}'s first line. */
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? name() : name() + ": " + message;
    }
}
