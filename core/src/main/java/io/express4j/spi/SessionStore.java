package io.express4j.spi;

import java.util.Map;

/**
 * Where {@code Express.session(…)} keeps sessions: express-session's store interface, made synchronous (each request
 * runs on its own virtual thread, so a store may block on the network).
 *
 * <p>A session travels as express-session's JSON-compatible layout: {@code {"cookie": {"originalMaxAge": …,
 * "expires": "…ISO…", "httpOnly": true, "path": "/", …}, …user keys}} made of maps, lists, strings, numbers,
 * booleans and null, so a store can write it as JSON that Node's connect-redis reads, and back. What a store
 * throws goes to {@code next(err)}.
 */
public interface SessionStore {
    /** The session stored under {@code sid}, or null when there is none or it has expired. */
    Map<String, Object> get(String sid) throws Exception;

    /** Stores {@code session} under {@code sid}, replacing what was there: the last save wins. */
    void set(String sid, Map<String, Object> session) throws Exception;

    /** Removes the session {@code sid}; nothing when there is none. */
    void destroy(String sid) throws Exception;

    /**
     * Extends the life of an unmodified session: called at the end of a request that read {@code sid} but changed
     * nothing (with {@code resave(false)}), {@code session} carrying the new {@code cookie.expires}. A store without
     * expiry of its own may leave this as it is, as express-session skips a store that has no {@code touch}.
     */
    default void touch(String sid, Map<String, Object> session) throws Exception {}
}
