package io.express4j;

import java.util.List;

/** The entry point, Express's {@code express} export: {@code Express.app()}, {@code Express.router()}, … */
public final class Express {
    /**
     * JavaScript's {@code undefined} where Java needs a value for it: a {@code json replacer} returns it to leave a
     * key out.
     */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private Express() {}

    /** A new application ({@code express()}). */
    public static App app() {
        return new App();
    }

    /** A new router ({@code express.Router()}). */
    public static Router router() {
        return new Router(new RouterOptions());
    }

    public static Router router(RouterOptions options) {
        return new Router(options);
    }

    /**
     * cookie-parser: fills {@code req.cookies()} and {@code req.signedCookies()}; the first secret signs
     * {@code res.cookie(…, new CookieOptions().signed(true))}, all of them verify.
     */
    public static Middleware cookieParser(String... secrets) {
        return new CookieParser(List.of(secrets));
    }

    public static Middleware cookieParser(List<String> secrets) {
        return new CookieParser(secrets);
    }
}
