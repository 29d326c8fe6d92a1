package io.express4j.server;

import io.express4j.http.MimeTypes;
import io.express4j.http.StatusCodes;
import java.util.function.BiFunction;

/**
 * What {@code express4j-test}'s TestClient reaches inside core. An app's request listener, which
 * {@code io.express4j.App} keeps to itself, comes through the JDK's "SharedSecrets" pattern: App installs the
 * function from its static initializer, so it is in place once any app exists, and the API gains no public member
 * for it.
 */
public final class TestAccess {
    /** (app, server options or null) → a listener serving that app, and the server config those options make. */
    private static volatile BiFunction<Object, Object, Served> serving;

    private TestAccess() {}

    /** What an in-process server needs of an app: its listener and the limits from its options. */
    public record Served(RequestListener listener, ServerConfig config) {}

    public static void install(BiFunction<Object, Object, Served> function) {
        serving = function;
    }

    /** {@code app} is an {@code io.express4j.App}; {@code options} an {@code io.express4j.ServerOptions} or null. */
    public static Served serve(Object app, Object options) {
        return serving.apply(app, options);
    }

    /** The MIME type of a file extension ({@code png} → {@code image/png}), null when unknown. */
    public static String mimeType(String extension) {
        return MimeTypes.lookup(extension);
    }

    /** Node's reason phrase for a status ({@code http.STATUS_CODES}), "unknown" for a code it does not name. */
    public static String reasonPhrase(int status) {
        return StatusCodes.reasonOrUnknown(status);
    }
}
