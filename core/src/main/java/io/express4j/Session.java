package io.express4j;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code req.session}: the session's data as a map of JSON-compatible values (maps, lists, strings, numbers,
 * booleans, null; other objects are stored as JSON reads them back), plus express-session's methods. The key
 * {@code cookie} is the session cookie's and cannot hold data.
 *
 * <p>With {@code Express.cookieSession} the same type holds the whole session in the cookie: {@link #id()} and
 * {@link #cookie()} are null, {@link #destroy()} deletes the cookie (cookie-session's {@code req.session = null}),
 * {@link #regenerate()} starts an empty session, and {@link #save()}, {@link #reload()} and {@link #touch()} do
 * nothing because the cookie is written with the response head.
 */
public final class Session extends AbstractMap<String, Object> {
    private final String id;
    private final SessionCookie cookie;
    private final Map<String, Object> data;
    private final SessionLifecycle lifecycle;

    Session(String id, SessionCookie cookie, Map<String, Object> data, SessionLifecycle lifecycle) {
        this.id = id;
        this.cookie = cookie;
        this.data = data;
        this.lifecycle = lifecycle;
    }

    /** {@code req.session.id}: the session id (equal to {@code req.sessionID()}). */
    public String id() {
        return id;
    }

    /** {@code req.session.cookie}: the session cookie's attributes, stored with the session. */
    public SessionCookie cookie() {
        return cookie;
    }

    /** Destroys this session in the store and puts a new, empty one with a new id on the request. */
    public void regenerate() throws Exception {
        lifecycle.regenerate(this);
    }

    /** Removes this session from the store and from the request ({@code req.session()} is then null). */
    public void destroy() throws Exception {
        lifecycle.destroy(this);
    }

    /**
     * Saves this session to the store now (done by itself at the end of the response when the session changed);
     * a session saved and unchanged since is not saved again at the end.
     */
    public void save() throws Exception {
        lifecycle.save(this);
    }

    /** Replaces the request's session with the stored one (a new {@code Session}); fails when it is gone. */
    public void reload() throws Exception {
        lifecycle.reload(this);
    }

    /** Renews the cookie's lifetime: {@code maxAge} back to {@code originalMaxAge} (done for each request). */
    public Session touch() {
        if (cookie != null) cookie.resetMaxAge();
        return this;
    }

    @Override
    public Object put(String key, Object value) {
        if ("cookie".equals(key)) {
            throw new IllegalArgumentException("\"cookie\" is the session cookie; use session.cookie()");
        }
        return data.put(key, value);
    }

    @Override
    public Object get(Object key) {
        return data.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return data.containsKey(key);
    }

    @Override
    public Object remove(Object key) {
        return data.remove(key);
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return data.entrySet();
    }

    /** The data alone as JSON: what tells a changed session from an unchanged one. */
    String dataJson() {
        return SessionJson.stringify(data);
    }

    /** express-session's stored layout: {@code cookie} first, then the data. */
    Map<String, Object> toStored() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cookie", cookie.toStored());
        out.putAll(data);
        return out;
    }
}
