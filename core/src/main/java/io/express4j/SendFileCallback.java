package io.express4j;

/**
 * The callback of {@code res.sendFile} and {@code res.download}, called once on the handler's thread when the
 * transfer is over: {@code err} is null after a complete transfer (also after a 304 or a HEAD), a
 * {@link ClientAbortException} when the client went away, else the {@link FileError} (or other failure) that
 * stopped it. With a callback nothing goes to {@code next}: handle the error or pass it on with
 * {@code next.fail(err)}; check {@code res.headersSent()} before answering.
 */
@FunctionalInterface
public interface SendFileCallback {
    void done(Throwable err) throws Exception;
}
