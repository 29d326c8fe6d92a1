package io.express4j.test;

import java.io.InputStream;
import java.lang.ref.Reference;
import java.util.List;

/**
 * A response whose head has arrived and whose body is read as the server sends it (chunk framing removed): for
 * server-sent events and long streams. Closing it closes the connection, which the server sees as the client
 * going away.
 */
public final class StreamingResponse implements AutoCloseable {
    private final ResponseHead head;
    private final InputStream body;
    private final Wire.Connection connection;
    /** Keeps the client, and so its server, from being cleaned up while the body is still being read. */
    private final TestClient client;

    StreamingResponse(ResponseHead head, InputStream body, Wire.Connection connection, TestClient client) {
        this.head = head;
        this.body = body;
        this.connection = connection;
        this.client = client;
    }

    /**
     * The status code of the final response (interim 1xx responses are skipped).
     *
     * @return the status, such as {@code 200}
     */
    public int status() {
        return head.status();
    }

    /**
     * A header's value; repeated ones are joined with ", ", as Node joins them.
     *
     * @param name the header's name, in any case
     * @return its value, or null when the response has no such header
     */
    public String header(String name) {
        return head.value(name);
    }

    /**
     * Every value of a header, in the order sent.
     *
     * @param name the header's name, in any case
     * @return its values, empty when the response has no such header
     */
    public List<String> headers(String name) {
        return head.values(name);
    }

    /**
     * The body as it arrives: reads block until the server sends more, and return -1 once the response ended.
     *
     * @return the body, its framing (chunked or Content-Length) removed
     */
    public InputStream body() {
        return body;
    }

    /** Closes the connection, as a client that stops reading and hangs up. */
    @Override
    public void close() {
        connection.close();
        Reference.reachabilityFence(client);
    }
}
