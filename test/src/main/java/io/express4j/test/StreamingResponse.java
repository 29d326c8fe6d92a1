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

    public int status() {
        return head.status();
    }

    /** A header's value, repeated ones joined with ", "; null when absent. Any case. */
    public String header(String name) {
        return head.value(name);
    }

    /** Every value of a header, in order. */
    public List<String> headers(String name) {
        return head.values(name);
    }

    /** The body as it arrives: reads block until the server sends more, -1 once the response ended. */
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        connection.close();
        Reference.reachabilityFence(client);
    }
}
