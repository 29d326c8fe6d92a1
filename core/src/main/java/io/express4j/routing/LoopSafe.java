package io.express4j.routing;

/**
 * Marks a function that never blocks, so that a request dispatched on the event loop may run it there: the user's
 * {@link NonBlocking} wrappers, and framework middleware that only computes (cookie-parser). Routers
 * and apps are dispatch code too, but API classes; {@link Layer} recognises them by type.
 */
public interface LoopSafe {}
