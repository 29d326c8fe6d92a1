package io.express4j;

import io.express4j.body.BodyParsers;
import io.express4j.body.MultipartParser;
import io.express4j.send.StaticFiles;

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

    // ---- body parsers (body-parser 2.4.0) ----

    /** {@code express.json()}: parses {@code application/json} bodies into {@code req.body()}. */
    public static Middleware json() {
        return json(new BodyParserOptions());
    }

    public static Middleware json(BodyParserOptions options) {
        return BodyParsers.json(options);
    }

    /** {@code express.urlencoded()}: parses form posts (flat keys; nested with {@code extended(true)}). */
    public static Middleware urlencoded() {
        return urlencoded(new BodyParserOptions());
    }

    public static Middleware urlencoded(BodyParserOptions options) {
        return BodyParsers.urlencoded(options);
    }

    /** {@code express.text()}: {@code text/plain} bodies as a String. */
    public static Middleware text() {
        return text(new BodyParserOptions());
    }

    public static Middleware text(BodyParserOptions options) {
        return BodyParsers.text(options);
    }

    /** {@code express.raw()}: {@code application/octet-stream} bodies as a {@code byte[]}. */
    public static Middleware raw() {
        return raw(new BodyParserOptions());
    }

    public static Middleware raw(BodyParserOptions options) {
        return BodyParsers.raw(options);
    }

    /**
     * Beyond Express: {@code multipart/form-data} (file uploads). Fields go to {@code req.body()}, files to
     * {@code req.files()}; large files are streamed to temporary files, deleted when the response is done.
     */
    public static Middleware multipart() {
        return multipart(new MultipartOptions());
    }

    public static Middleware multipart(MultipartOptions options) {
        return new MultipartParser(options);
    }

    /**
     * {@code express.static(root)}: middleware serving the files under {@code root} (relative to the working
     * directory) at the request's mount-relative path, with send's validators, conditional GET, Range, index files
     * and directory redirects.
     */
    public static Middleware staticFiles(String root) {
        return new StaticFiles(root, new StaticOptions());
    }

    public static Middleware staticFiles(String root, StaticOptions options) {
        return new StaticFiles(root, options);
    }

    // ---- cookies (cookie-parser 1.4) ----

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
