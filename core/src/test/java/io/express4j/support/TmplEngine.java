package io.express4j.support;

import io.express4j.spi.TemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Express's test/support/tmpl.js as a {@link TemplateEngine}: {@code $a.b} is replaced by the model's value at that
 * path; a path through a missing value fails with a {@link RenderError}, a missing leaf prints {@code undefined}.
 */
public final class TmplEngine implements TemplateEngine {
    private static final Pattern VARIABLE = Pattern.compile("\\$([0-9a-zA-Z.]+)");

    /** The error tmpl.js names {@code RenderError}. */
    public static final class RenderError extends Exception {
        RenderError(String message) {
            super(message);
        }
    }

    /** Express's test/fixtures views, from {@link FileFixtures#views()}. */
    public static Path fixtures() {
        return FileFixtures.views();
    }

    public static String fixtures(String... more) {
        return fixtures().resolve(String.join("/", more)).toString();
    }

    @Override
    public String render(Path file, Map<String, Object> model) throws Exception {
        String str = Files.readString(file);
        Matcher m = VARIABLE.matcher(str);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = model;
            for (String part : m.group(1).split("\\.", -1)) {
                if (!(value instanceof Map<?, ?> map)) {
                    throw new RenderError("Cannot read properties of " + value + " (reading '" + part + "')");
                }
                value = map.get(part);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value == null ? "undefined" : value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
