package io.express4j.middleware;

import io.express4j.MorganFormat;
import io.express4j.MorganToken;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.http.BasicAuth;
import io.express4j.http.HttpDates;
import io.express4j.http.JsStrings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * morgan 1.10's tokens and named formats — one namespace for the whole JVM, as morgan's is one per process — and
 * its compiler of format strings: {@code :name} or {@code :name[arg]} becomes the token's value, or {@code -} when
 * that is undefined or empty. Tokens are looked up when a line is written, so one registered after a format was
 * compiled still counts; a token no one registered logs {@code -} (morgan would throw a TypeError).
 */
public final class MorganTokens implements MorganFormat.Tokens {
    static final MorganTokens INSTANCE = new MorganTokens();

    private static final Pattern TOKEN = Pattern.compile(":([-\\w]{2,})(?:\\[([^\\]]+)\\])?");
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The last CLF date written: every line of a busy second shares it (as HttpDates caches the web form). */
    private static volatile ClfSecond lastClf = new ClfSecond(Long.MIN_VALUE, "");

    private record ClfSecond(long second, String text) {}

    private static final Map<String, MorganToken> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, MorganFormat> FORMATS = new ConcurrentHashMap<>();

    static {
        TOKENS.put("url", (req, res, arg) -> req.originalUrl() != null ? req.originalUrl() : req.url());
        TOKENS.put("method", (req, res, arg) -> req.method());
        TOKENS.put("response-time", (req, res, digits) -> {
            RequestTiming t = RequestTiming.of(req);
            return t == null || !t.headStarted() ? null : fixed(t.responseTimeMillis(), digits);
        });
        TOKENS.put("total-time", (req, res, digits) -> {
            RequestTiming t = RequestTiming.of(req);
            return t == null || !t.headStarted() ? null : fixed(t.totalTimeMillis(), digits);
        });
        TOKENS.put("date", (req, res, format) -> date(System.currentTimeMillis(), format == null ? "web" : format));
        TOKENS.put("status", (req, res, arg) -> res.headersSent() ? Integer.toString(res.statusCode()) : null);
        TOKENS.put("referrer", (req, res, arg) -> {
            Map<String, String> headers = req.headers();
            String referer = headers.get("referer");
            return referer != null && !referer.isEmpty() ? referer : headers.get("referrer");
        });
        TOKENS.put("remote-addr", (req, res, arg) -> {
            RequestTiming t = RequestTiming.of(req);
            return t != null ? t.remoteAddress() : req.ip();
        });
        TOKENS.put(
                "remote-user", (req, res, arg) -> BasicAuth.user(req.headers().get("authorization")));
        TOKENS.put("http-version", (req, res, arg) -> req.httpVersion());
        TOKENS.put("user-agent", (req, res, arg) -> req.headers().get("user-agent"));
        TOKENS.put(
                "req", (req, res, field) -> field == null ? null : req.headers().get(field.toLowerCase(Locale.ROOT)));
        TOKENS.put("res", MorganTokens::responseHeader);

        FORMATS.put(
                "combined",
                compile(":remote-addr - :remote-user [:date[clf]] \":method :url HTTP/:http-version\" :status"
                        + " :res[content-length] \":referrer\" \":user-agent\""));
        FORMATS.put(
                "common",
                compile(":remote-addr - :remote-user [:date[clf]] \":method :url HTTP/:http-version\" :status"
                        + " :res[content-length]"));
        FORMATS.put(
                "default",
                compile(":remote-addr - :remote-user [:date] \":method :url HTTP/:http-version\" :status"
                        + " :res[content-length] \":referrer\" \":user-agent\""));
        FORMATS.put(
                "short",
                compile(":remote-addr :remote-user :method :url HTTP/:http-version :status :res[content-length] -"
                        + " :response-time ms"));
        FORMATS.put("tiny", compile(":method :url :status :res[content-length] - :response-time ms"));
        FORMATS.put("dev", new DevFormat());
    }

    private MorganTokens() {}

    /** {@code morgan.token(name, fn)}: adds a token or replaces one, built-in ones included. */
    public static void define(String name, MorganToken token) {
        if (name == null || token == null) throw new IllegalArgumentException("a token needs a name and a function");
        TOKENS.put(name, token);
    }

    /** {@code morgan.format(name, format)}: names a format string. */
    public static void defineFormat(String name, String format) {
        if (name == null) throw new IllegalArgumentException("a format needs a name");
        FORMATS.put(name, compile(format));
    }

    /** morgan's {@code getFormatFunction}: a named format, else the string compiled; null means {@code default}. */
    public static MorganFormat format(String nameOrFormat) {
        String name = nameOrFormat == null || nameOrFormat.isEmpty() ? "default" : nameOrFormat;
        MorganFormat named = FORMATS.get(name);
        return named != null ? named : compile(name);
    }

    /** {@code morgan.compile(format)}. */
    public static MorganFormat compile(String format) {
        if (format == null) throw new IllegalArgumentException("argument format must be a string");
        List<Object> parts = new ArrayList<>();
        Matcher m = TOKEN.matcher(format);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) parts.add(format.substring(at, m.start()));
            parts.add(new TokenRef(m.group(1), m.group(2)));
            at = m.end();
        }
        if (at < format.length()) parts.add(format.substring(at));
        return new CompiledFormat(parts.toArray());
    }

    @Override
    public String get(String name, Request req, Response res, String arg) {
        MorganToken token = TOKENS.get(name);
        return token == null ? null : token.value(req, res, arg);
    }

    private record TokenRef(String name, String arg) {}

    private record CompiledFormat(Object[] parts) implements MorganFormat {
        @Override
        public String line(Tokens tokens, Request req, Response res) {
            StringBuilder line = new StringBuilder(128);
            for (Object part : parts) {
                if (part instanceof TokenRef ref) {
                    String value = tokens.get(ref.name(), req, res, ref.arg());
                    line.append(value == null || value.isEmpty() ? "-" : value);
                } else {
                    line.append((String) part);
                }
            }
            return line.toString();
        }
    }

    /** morgan's {@code dev}: the status coloured by its class, compiled once per colour. */
    private static final class DevFormat implements MorganFormat {
        private final Map<Integer, MorganFormat> byColor = new ConcurrentHashMap<>();

        @Override
        public String line(Tokens tokens, Request req, Response res) {
            int status = res.headersSent() ? res.statusCode() : 0;
            int color = status >= 500 ? 31 : status >= 400 ? 33 : status >= 300 ? 36 : status >= 200 ? 32 : 0;
            return byColor.computeIfAbsent(
                            color,
                            c -> compile("\u001b[0m:method :url \u001b[" + c
                                    + "m:status\u001b[0m :response-time ms - :res[content-length]\u001b[0m"))
                    .line(tokens, req, res);
        }
    }

    /**
     * morgan's {@code :req[field]}: Node's {@code req.headers[field]}, which {@code req.get} reads too, except that
     * {@code req.get} takes Referer and Referrer for each other.
     */
    private static String requestHeader(Request req, Response res, String field) {
        if (field == null || field.isEmpty()) return null;
        String lower = field.toLowerCase(Locale.ROOT);
        return lower.equals("referer") || lower.equals("referrer")
                ? req.headers().get(lower)
                : req.get(lower);
    }

    /** morgan's {@code :res[field]}: only once the head is written, as Node's header store held it. */
    private static String responseHeader(Request req, Response res, String field) {
        if (field == null || !res.headersSent()) return null;
        RequestTiming t = RequestTiming.of(req);
        if (t != null && t.addedByServer(field)) return null;
        Object value = res.getHeader(field);
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return value == null ? null : value.toString();
    }

    /** JavaScript's {@code ms.toFixed(digits)}, 3 digits without an argument (a non-number counts as 0). */
    private static String fixed(double ms, String digits) {
        int n = 3;
        if (digits != null) {
            try {
                double d = Double.parseDouble(digits.trim());
                n = Double.isNaN(d) ? 0 : (int) Math.max(0, Math.min(100, d));
            } catch (NumberFormatException e) {
                n = 0; // toFixed(NaN digits) is toFixed(0)
            }
        }
        return JsStrings.toFixed(ms, n);
    }

    private static String clf(long millis) {
        long second = Math.floorDiv(millis, 1000);
        ClfSecond cached = lastClf;
        if (cached.second() == second) return cached.text();
        String text = CLF.format(Instant.ofEpochSecond(second));
        lastClf = new ClfSecond(second, text);
        return text;
    }

    private static String date(long millis, String format) {
        return switch (format) {
            case "clf" -> clf(millis);
            case "iso" -> ISO.format(Instant.ofEpochMilli(millis));
            case "web" -> HttpDates.format(millis);
            default -> null;
        };
    }
}
