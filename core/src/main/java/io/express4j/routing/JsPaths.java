package io.express4j.routing;

import java.util.List;
import java.util.regex.Pattern;

/** How JavaScript prints a path argument (a string, a RegExp or an array of them), for route and mount paths. */
public final class JsPaths {
    private JsPaths() {}

    /** A string as is, a regular expression as {@code /source/}, a list joined by commas (Array.toString). */
    public static String toString(Object path) {
        if (path instanceof Pattern p) return "/" + p.pattern() + "/";
        if (path instanceof List<?> list) {
            StringBuilder out = new StringBuilder();
            for (Object element : list) {
                if (!out.isEmpty()) out.append(',');
                out.append(toString(element));
            }
            return out.toString();
        }
        return String.valueOf(path);
    }
}
