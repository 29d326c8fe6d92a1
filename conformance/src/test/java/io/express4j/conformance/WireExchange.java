package io.express4j.conformance;

import java.util.List;

/**
 * Everything one case got back on its connection: the responses in order (interim 1xx included), and how the
 * exchange ended: {@code "ok"}, {@code "eof"} (closed before the expected responses), {@code "timeout"},
 * {@code "cut short"} (a body ended, by EOF or timeout, before its framing said it was complete), or
 * {@code "malformed: …"} (bytes that are not an HTTP response). {@code closed} is null when not checked.
 */
record WireExchange(List<WireResponse> responses, String end, Boolean closed) {}
