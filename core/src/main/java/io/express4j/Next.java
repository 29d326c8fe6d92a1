package io.express4j;

/** Express's {@code next} function, one method per form of the call. */
public interface Next {
    /** {@code next()}: on to the next matching layer. */
    void run();

    /** {@code next(err)}: switch to error mode; only error handlers run until one recovers. */
    void fail(Throwable err);

    /** {@code next('route')}: skip the remaining handlers of the current route. */
    void skipRoute();

    /** {@code next('router')}: leave the current router and continue in its parent. */
    void skipRouter();
}
