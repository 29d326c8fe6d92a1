package io.express4j;

import io.express4j.spi.SessionStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The options of {@code Express.session(…)}, by express-session's names and with its defaults: cookie
 * {@code connect.sid} with {@code { path: '/', httpOnly: true, secure: false, maxAge: null }}, a new
 * {@link MemoryStore}, 24-character random ids, {@code rolling} false. {@code resave} and {@code saveUninitialized}
 * default to true as in express-session, which warns about them: set both.
 */
public final class SessionOptions {
    private List<String> secrets = List.of();
    private String name = "connect.sid";
    private Boolean resave;
    private Boolean saveUninitialized;
    private boolean rolling;
    private Boolean proxy;
    private CookieOptions cookie = new CookieOptions();
    private SessionStore store;
    private Function<Request, String> genid;

    /** The secrets: the first signs the session cookie, each of them verifies one (so secrets can be rotated). */
    public SessionOptions secret(String... secrets) {
        if (secrets.length == 0) {
            throw new IllegalArgumentException("secret option array must contain one or more strings");
        }
        for (String s : secrets) Objects.requireNonNull(s, "secret");
        this.secrets = List.of(secrets);
        return this;
    }

    /** The session cookie's name; default {@code connect.sid}. */
    public SessionOptions name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Save the session at the end of every request, even unchanged; default true. */
    public SessionOptions resave(boolean resave) {
        this.resave = resave;
        return this;
    }

    /** Save (and send the cookie of) a new session nobody changed; default true. */
    public SessionOptions saveUninitialized(boolean saveUninitialized) {
        this.saveUninitialized = saveUninitialized;
        return this;
    }

    /** Send the cookie (and so renew its expiry) with every response; default false. */
    public SessionOptions rolling(boolean rolling) {
        this.rolling = rolling;
        return this;
    }

    /**
     * Trust the reverse proxy for {@code Secure} cookies: true reads {@code X-Forwarded-Proto}, false never does;
     * unset (default) asks {@code req.secure()}, which follows the app's {@code trust proxy}.
     */
    public SessionOptions proxy(boolean proxy) {
        this.proxy = proxy;
        return this;
    }

    /** The session cookie's options; {@code secure("auto")} makes it Secure exactly on secure requests. */
    public SessionOptions cookie(CookieOptions cookie) {
        this.cookie = Objects.requireNonNull(cookie, "cookie");
        return this;
    }

    /** Where sessions live; default a {@link MemoryStore} of this middleware's own. */
    public SessionOptions store(SessionStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Makes the id of a new session; default 24 characters of base64url from 18 random bytes (uid-safe). */
    public SessionOptions genid(Function<Request, String> genid) {
        this.genid = Objects.requireNonNull(genid, "genid");
        return this;
    }

    List<String> secrets() {
        return secrets;
    }

    String name() {
        return name;
    }

    boolean resave() {
        return resave == null || resave;
    }

    boolean saveUninitialized() {
        return saveUninitialized == null || saveUninitialized;
    }

    boolean rolling() {
        return rolling;
    }

    Boolean proxy() {
        return proxy;
    }

    CookieOptions cookie() {
        return cookie;
    }

    SessionStore store() {
        return store != null ? store : new MemoryStore();
    }

    Function<Request, String> genid() {
        return genid;
    }
}
