package io.express4j.routing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request methods the server lets through to apps: Node's {@code http.METHODS} (the methods its parser accepts,
 * which Express's router knows), plus any method a route was registered for with {@code method(name, …)}. Other
 * methods get a bare 501 from the server. The registry is process-wide: a custom method declared by one app is
 * known to every app in the JVM (those without a route for it then answer 404).
 */
public final class KnownMethods {
    private static final Set<String> STANDARD = Set.of(
            "ACL",
            "BIND",
            "CHECKOUT",
            "CONNECT",
            "COPY",
            "DELETE",
            "GET",
            "HEAD",
            "LINK",
            "LOCK",
            "M-SEARCH",
            "MERGE",
            "MKACTIVITY",
            "MKCALENDAR",
            "MKCOL",
            "MOVE",
            "NOTIFY",
            "OPTIONS",
            "PATCH",
            "POST",
            "PROPFIND",
            "PROPPATCH",
            "PURGE",
            "PUT",
            "QUERY",
            "REBIND",
            "REPORT",
            "SEARCH",
            "SOURCE",
            "SUBSCRIBE",
            "TRACE",
            "UNBIND",
            "UNLINK",
            "UNLOCK",
            "UNSUBSCRIBE");
    private static final Set<String> declared = ConcurrentHashMap.newKeySet();

    private KnownMethods() {}

    /** A route was registered for this (upper-case) method. */
    static void declare(String method) {
        if (!STANDARD.contains(method)) declared.add(method);
    }

    /** One of Node's {@code http.METHODS} (upper case), the list npm {@code methods} gives middleware. */
    public static boolean isStandard(String method) {
        return STANDARD.contains(method);
    }

    public static boolean isKnown(String method) {
        return STANDARD.contains(method) || declared.contains(method);
    }
}
