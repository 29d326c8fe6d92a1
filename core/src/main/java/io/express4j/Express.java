package io.express4j;

import io.express4j.send.StaticFiles;

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
}
