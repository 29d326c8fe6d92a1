package io.express4j.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The npm {@code mime-types} 3.0.2 API over the {@code mime-db} 1.54.0 database (shipped as a
 * webjar), which Express uses for {@code res.type}, {@code res.set('Content-Type')}, {@code
 * res.attachment} and static files.
 *
 * <p>When several types claim one extension, mime-types 3 keeps the one with the higher "mime
 * score" (later database entry on a tie): a facet score (vendor {@code vnd.}, {@code x-}, {@code
 * prs.} subtypes rank below plain ones), plus a source score (IANA over mime-db's own additions
 * over Apache over nginx), plus a top-level-type bonus (video over audio/font over application),
 * plus a small bonus for shorter names; {@code application/octet-stream} always scores 0. That is
 * why {@code js} maps to {@code text/javascript}, {@code xml} to {@code application/xml} and
 * {@code mp4} to {@code video/mp4}.
 *
 * <p>Upstream returns {@code false} where this class returns {@code null}. The database is read
 * once, on first use, from a compact table generated from the {@code mime-db} webjar's {@code
 * db.json} (see {@link Db}).
 */
public final class MimeTypes {

    /** mime-db 1.54.0 as a compact table; see {@link Db}. */
    static final String TABLE = "mime-db.tsv";

    private MimeTypes() {}

    /**
     * The type for a path or extension ({@code "html"}, {@code ".HTML"}, {@code "dir/page.html"}),
     * or {@code null} when there is no extension or it is unknown.
     */
    public static String lookup(String pathOrExtension) {
        if (pathOrExtension == null || pathOrExtension.isEmpty()) {
            return null;
        }
        String ext = NodePath.extname("x." + pathOrExtension);
        if (ext.length() <= 1) {
            return null;
        }
        return Db.INSTANCE.typeByExtension.get(ext.substring(1).toLowerCase(Locale.ROOT));
    }

    /**
     * The default charset of a type: the database's (e.g. {@code UTF-8} for {@code
     * application/json}), else {@code UTF-8} for any {@code text/*}, else {@code null}. Parameters
     * after the type are ignored.
     */
    public static String charset(String type) {
        if (type == null || type.isEmpty()) {
            return null;
        }
        String essence = extractType(type);
        Entry entry = Db.INSTANCE.entries.get(essence.toLowerCase(Locale.ROOT));
        if (entry != null && entry.charset != null) {
            return entry.charset;
        }
        if (startsWithTextSlash(essence)) {
            return "UTF-8";
        }
        return null;
    }

    /**
     * A full Content-Type from a type or extension: a string without {@code /} is looked up as an
     * extension ({@code null} if unknown); then, unless it already mentions {@code charset}, the
     * default charset is appended lower-cased: {@code html} gives {@code text/html; charset=utf-8},
     * {@code png} gives {@code image/png}. A type containing {@code /} is otherwise kept as given.
     */
    public static String contentType(String str) {
        if (str == null || str.isEmpty()) {
            return null;
        }
        String mime = str.indexOf('/') < 0 ? lookup(str) : str;
        if (mime == null) {
            return null;
        }
        if (!mime.contains("charset")) {
            String charset = charset(mime);
            if (charset != null) {
                mime = mime + "; charset=" + charset.toLowerCase(Locale.ROOT);
            }
        }
        return mime;
    }

    /** The first extension the database lists for a type ({@code text/html} gives {@code html}). */
    public static String extension(String type) {
        if (type == null || type.isEmpty()) {
            return null;
        }
        List<String> exts = Db.INSTANCE.extensionsByType.get(essenceKey(type));
        return exts == null || exts.isEmpty() ? null : exts.get(0);
    }

    /** All extensions the database lists for a type, or an empty list. */
    public static List<String> extensions(String type) {
        if (type == null || type.isEmpty()) {
            return List.of();
        }
        List<String> exts = Db.INSTANCE.extensionsByType.get(essenceKey(type));
        return exts == null ? List.of() : exts;
    }

    /**
     * The score mime-types 3.0.2 uses to settle extension conflicts; {@code source} is the
     * database's {@code source} field ({@code iana}, {@code apache}, {@code nginx}) or {@code null}.
     */
    static double score(String mimeType, String source) {
        if (mimeType.equals("application/octet-stream")) {
            return 0;
        }
        int slash = mimeType.indexOf('/');
        String top = mimeType.substring(0, slash);
        int subEnd = mimeType.indexOf('/', slash + 1);
        String subtype = mimeType.substring(slash + 1, subEnd < 0 ? mimeType.length() : subEnd);
        int facetScore = switch (facet(subtype)) {
            case "prs." -> 100;
            case "x-" -> 200;
            case "x." -> 300;
            case "vnd." -> 400;
            default -> 900;
        };
        int sourceScore = switch (source == null ? "" : source) {
            case "nginx" -> 10;
            case "apache" -> 20;
            case "iana" -> 40;
            default -> 30;
        };
        int typeScore = switch (top) {
            case "application" -> 1;
            case "font", "audio" -> 2;
            case "video" -> 3;
            default -> 0;
        };
        double lengthScore = 1 - mimeType.length() / 100.0;
        return facetScore + sourceScore + typeScore + lengthScore;
    }

    /** The subtype cut after its first {@code .} or {@code x-} (upstream: {@code /(\.|x-).*}/). */
    private static String facet(String subtype) {
        for (int i = 0, n = subtype.length(); i < n; i++) {
            char c = subtype.charAt(i);
            if (c == '.') {
                return subtype.substring(0, i + 1);
            }
            if (c == 'x' && i + 1 < n && subtype.charAt(i + 1) == '-') {
                return subtype.substring(0, i + 2);
            }
        }
        return subtype;
    }

    private static String essenceKey(String type) {
        return extractType(type).toLowerCase(Locale.ROOT);
    }

    /** Leading JS whitespace skipped, then everything up to {@code ;} or whitespace. */
    private static String extractType(String s) {
        int n = s.length();
        int start = 0;
        while (start < n && JsStrings.isJsWhitespace(s.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < n) {
            char c = s.charAt(end);
            if (c == ';' || JsStrings.isJsWhitespace(c)) {
                break;
            }
            end++;
        }
        return s.substring(start, end);
    }

    /** Upstream's {@code /^text\//i}: ASCII case-insensitive. */
    private static boolean startsWithTextSlash(String s) {
        if (s.length() < 5 || s.charAt(4) != '/') {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (lower != "text".charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private record Entry(String source, String charset) {}

    /**
     * The database, read on first use (class-holder idiom) from {@link #TABLE}: mime-db's {@code db.json}
     * cut down to what this class reads: every type that has a charset or extensions (the others answer
     * as unknown types do), one a line in database order ({@code type}, {@code source}, {@code charset},
     * space-separated {@code extensions}; {@code -} for none). {@code MimeDbTableTest}
     * generates it from the webjar and fails when it is stale. Reading it takes a few milliseconds
     * without any JSON parser, where parsing {@code db.json} with Jackson took ≈ 0.3 s on one CPU, inside
     * the first response that set a Content-Type.
     */
    private static final class Db {
        static final Db INSTANCE = load();

        final Map<String, Entry> entries;
        final Map<String, String> typeByExtension;
        final Map<String, List<String>> extensionsByType;

        private Db(
                Map<String, Entry> entries,
                Map<String, String> typeByExtension,
                Map<String, List<String>> extensionsByType) {
            this.entries = entries;
            this.typeByExtension = typeByExtension;
            this.extensionsByType = extensionsByType;
        }

        private static Db load() {
            Map<String, Entry> entries = new HashMap<>(2048);
            Map<String, String> typeByExtension = new HashMap<>(2048);
            Map<String, List<String>> extensionsByType = new HashMap<>(2048);
            try (InputStream in = MimeTypes.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("mime-db table not on the classpath: " + TABLE);
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 16 * 1024);
                // Database order matters: on equal scores the later type wins.
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.isEmpty() || line.charAt(0) == '#') {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    String type = f[0];
                    Entry entry = new Entry(field(f[1]), field(f[2]));
                    entries.put(type, entry);
                    if (field(f[3]) == null) {
                        continue;
                    }
                    List<String> list = List.of(f[3].split(" "));
                    extensionsByType.put(type, list);
                    double candidateScore = score(type, entry.source);
                    for (String ext : list) {
                        String current = typeByExtension.get(ext);
                        double currentScore = current == null ? 0 : score(current, entries.get(current).source);
                        typeByExtension.put(ext, currentScore > candidateScore ? current : type);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + TABLE, e);
            }
            return new Db(entries, typeByExtension, extensionsByType);
        }

        private static String field(String value) {
            return value.equals("-") ? null : value;
        }
    }
}
