package io.express4j.mustache;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.express4j.spi.TemplateEngine;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache views for express4j ({@code app.engine("mustache", new MustacheEngine())}), on Mustache.java.
 * Logic-less templates over the render model ({@code app.locals}, {@code res.locals} and the values given to
 * {@code render}): {@code {{name}}} is HTML-escaped, {@code {{{html}}}} is not, {@code {{#list}}…{{/list}}} loops
 * over lists and maps. A partial {@code {{> header}}} is {@code header.mustache} beside the template, else in the
 * {@code views} folder the template was found in; {@code {{> ../header}}} and {@code {{> /layout/header}}} name it
 * relative to the template or to that folder. A partial never resolves outside the folder.
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
        Path root = viewsRoot(absolute, model.get("settings"));
        Mustache template = Boolean.TRUE.equals(model.get("cache"))
                ? compiled.computeIfAbsent(absolute, f -> compile(root, f))
                : compile(root, absolute);
        StringWriter out = new StringWriter();
        template.execute(out, model).flush();
        return out.toString();
    }

    /** A fresh factory rooted at the views folder, so partials resolve from there and nothing is stale. */
    private static Mustache compile(Path root, Path file) {
        return new ViewsFolderFactory(root).compile(slashes(root.relativize(file)));
    }

    /**
     * The {@code views} folder (the app's setting, one path or several) that holds {@code file}; the template's own
     * directory when none does (a template rendered by absolute path, or no {@code settings} in the model).
     */
    private static Path viewsRoot(Path file, Object settings) {
        for (Path root : viewsFolders(settings instanceof Map<?, ?> map ? map.get("views") : null)) {
            if (file.startsWith(root)) return root;
        }
        return file.getParent();
    }

    private static List<Path> viewsFolders(Object views) {
        List<Path> roots = new ArrayList<>();
        if (views instanceof Collection<?> several) {
            for (Object one : several) roots.addAll(viewsFolders(one));
        } else if (views != null) {
            roots.add(Path.of(views.toString()).toAbsolutePath().normalize());
        }
        return roots;
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** Mustache.java's factory with partials looked up beside the including template, then in the views folder. */
    private static final class ViewsFolderFactory extends DefaultMustacheFactory {
        private final Path root;

        ViewsFolderFactory(Path root) {
            super(root.toFile());
            this.root = root;
        }

        @Override
        public String resolvePartialPath(String dir, String name, String extension) {
            String beside = super.resolvePartialPath(dir, name, extension);
            String inRoot = super.resolvePartialPath("", name, extension);
            for (String candidate : List.of(beside, inRoot)) {
                Path path = root.resolve(candidate.startsWith("/") ? candidate.substring(1) : candidate)
                        .normalize();
                if (path.startsWith(root) && Files.isRegularFile(path)) return slashes(root.relativize(path));
            }
            return beside; // missing: Mustache.java reports it by this name
        }
    }
}
