package io.express4j.routing;

/** Called when a request leaves a stack: with no error when nothing more there handled it, else the pending error. */
@FunctionalInterface
public interface Done {
    void done(Throwable err);
}
