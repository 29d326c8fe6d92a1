package io.express4j.mustache;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.express4j.spi.TemplateEngine;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache views for express4j ({@code app.engine("mustache", new MustacheEngine())}), on Mustache.java.
 * Logic-less templates over the render model ({@code app.locals}, {@code res.locals} and the values given to
 * {@code render}): {@code {{name}}} is HTML-escaped, {@code {{{html}}}} is not, {@code {{#list}}…{{/list}}} loops
 * over lists and maps, {@code {{> header}}} includes {@code header.mustache} from the template's directory.
 *
 * <p>With the {@code cache} flag Express passes (the {@code view cache} setting, on in production) a compiled
 * template is kept per file; without it every render reads the file again, so edits show up while developing.
 */
public final class MustacheEngine implements TemplateEngine {
    private final Map<Path, Mustache> compiled = new ConcurrentHashMap<>();

    /** An engine with an empty cache; register it with {@code app.engine("mustache", new MustacheEngine())}. */
    public MustacheEngine() {}

    @Override
    public String render(Path file, Map<String, Object> model) throws Exception {
        Path absolute = file.toAbsolutePath().normalize();
        Mustache template = Boolean.TRUE.equals(model.get("cache"))
                ? compiled.computeIfAbsent(absolute, MustacheEngine::compile)
                : compile(absolute);
        StringWriter out = new StringWriter();
        template.execute(out, model).flush();
        return out.toString();
    }

    /** A fresh factory rooted at the template's directory, so partials resolve next to it and nothing is stale. */
    private static Mustache compile(Path file) {
        DefaultMustacheFactory factory =
                new DefaultMustacheFactory(file.getParent().toFile());
        return factory.compile(file.getFileName().toString());
    }
}
