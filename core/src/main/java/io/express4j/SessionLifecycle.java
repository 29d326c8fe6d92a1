package io.express4j;

/** What a {@link Session}'s methods do, given by the middleware that made it (express-session or cookie-session). */
interface SessionLifecycle {
    void regenerate(Session session) throws Exception;

    void destroy(Session session) throws Exception;

    void save(Session session) throws Exception;

    void reload(Session session) throws Exception;
}
