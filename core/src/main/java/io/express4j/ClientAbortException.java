package io.express4j;

/**
 * The client went away before the whole file was sent (Express's {@code ECONNABORTED} "Request aborted"). Given to
 * a {@link SendFileCallback}; without one it is dropped, as Express drops it.
 */
public class ClientAbortException extends RuntimeException {
    public ClientAbortException(Throwable cause) {
        super("Request aborted", cause);
    }

    /** {@code ECONNABORTED}, the code Express's error carries. */
    public String code() {
        return "ECONNABORTED";
    }
}
