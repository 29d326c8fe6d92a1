package io.express4j.server;

/**
 * Why a request was refused before any handler saw it: the status of the bare response (400, 408, 414, 417, 431,
 * 501, 505) and a reason for the logs. The message never reaches the wire, and there is no stack trace to fill:
 * this is the expected answer to bad input, not a bug.
 */
final class RequestRejection extends RuntimeException {
    private final int status;

    RequestRejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
