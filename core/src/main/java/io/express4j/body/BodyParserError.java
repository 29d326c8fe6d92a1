package io.express4j.body;

import io.express4j.HttpError;
import java.util.Map;

/**
 * A body parser's failure, as body-parser reports it: the status, Express's {@code type} string
 * ({@code "entity.parse.failed"}, {@code "entity.too.large"}, …) and, for parse and verify failures, the body that
 * failed ({@link #body()}: the decoded text, or the raw bytes for a verify failure). Its message is safe to show.
 */
public class BodyParserError extends HttpError {
    private final transient Object body;

    public BodyParserError(int status, String message, String type, Object body, Throwable cause) {
        super(status, message, Map.of(), type, cause);
        this.body = body;
    }

    /** The body that failed to parse or verify (a {@code String} or {@code byte[]}), or null. */
    public Object body() {
        return body;
    }

    /** body-parser's 415 for a Content-Encoding it cannot inflate. */
    static BodyParserError unsupportedContentEncoding(String contentEncoding) {
        return new BodyParserError(
                415, "unsupported content encoding \"" + contentEncoding + "\"", "encoding.unsupported", null, null);
    }
}
