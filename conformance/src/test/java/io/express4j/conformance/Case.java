package io.express4j.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One corpus case: the bytes written on a fresh connection to both servers, and how to read the answer.
 *
 * @param id          unique name, used in DIFFERENCES.md
 * @param production  sent to the production instances instead of the development ones
 * @param request     the exact bytes written (one or more requests)
 * @param methods     the method of each request whose response is read, in order (HEAD responses have no body)
 * @param checkClosed after the responses, wait briefly and record whether the server closed the connection
 * @param timeoutMillis how long to wait for a response before recording a timeout
 * @param source      file and line, for messages
 */
record Case(
        String id,
        boolean production,
        byte[] request,
        List<String> methods,
        boolean checkClosed,
        int timeoutMillis,
        String source) {

    /** The same single HEAD request as a GET, or null when this is not one HEAD request. */
    Case asGet() {
        byte[] head = "HEAD ".getBytes(StandardCharsets.US_ASCII);
        if (!methods.equals(List.of("HEAD"))
                || request.length < head.length
                || !Arrays.equals(request, 0, head.length, head, 0, head.length)) {
            return null;
        }
        byte[] get = new byte[request.length - 1];
        System.arraycopy("GET ".getBytes(StandardCharsets.US_ASCII), 0, get, 0, 4);
        System.arraycopy(request, head.length, get, 4, request.length - head.length);
        return new Case(id + "~get", production, get, List.of("GET"), false, timeoutMillis, source);
    }
}
