package io.express4j.support;

import java.util.List;

/** Node 20's {@code http.METHODS}: what Express's tests loop over. */
public final class NodeMethods {
    private NodeMethods() {}

    public static final List<String> ALL = List.of(
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

    /** CONNECT takes an authority-form target, so a path request cannot use it (Express's tests skip it too). */
    public static final List<String> WITHOUT_CONNECT =
            ALL.stream().filter(m -> !m.equals("CONNECT")).toList();
}
