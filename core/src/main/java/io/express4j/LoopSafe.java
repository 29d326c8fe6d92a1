package io.express4j;

/**
 * Marks a function that never blocks, so that a request dispatched on the event loop may run it there: the user's
 * {@link NonBlocking} wrappers, and framework middleware that only computes (a mounted app's entry, cookie-parser).
 * Routers and apps are dispatch code too, but public classes; {@link Layer} recognises them by type.
 */
interface LoopSafe {}
