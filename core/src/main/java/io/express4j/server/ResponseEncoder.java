package io.express4j.server;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;

/**
 * Netty's response encoder, told whether the response being written answers a HEAD request, so that a HEAD
 * response announcing {@code Transfer-Encoding: chunked} gets no chunk terminator on the wire. Netty's
 * {@code HttpServerCodec} learns this from a queue of decoded methods; here responses go out strictly one request
 * at a time, so the connection simply says which request is current.
 */
final class ResponseEncoder extends HttpResponseEncoder {
    private boolean headRequest;

    /** Event loop: the request now being answered is (not) a HEAD request. */
    void answering(boolean head) {
        headRequest = head;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpResponse msg) {
        if (msg.status().codeClass() == HttpStatusClass.INFORMATIONAL) return super.isContentAlwaysEmpty(msg);
        return headRequest || super.isContentAlwaysEmpty(msg);
    }
}
