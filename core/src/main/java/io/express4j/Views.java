package io.express4j;

import io.express4j.http.NodePath;
import io.express4j.spi.TemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One app's view machinery, Express 5's {@code app.render} and {@code View}: the engines registered by extension,
 * the lookup of a view name in the {@code views} directories ({@code <name><ext>}, then
 * {@code <name>/index<ext>}), and the {@code view cache} of resolved files.
 */
final class Views {
    /** A resolved view: the file and the engine for its extension. */
    private record View(Path file, TemplateEngine engine) {}

    private final App app;
    private final Map<String, TemplateEngine> engines = new ConcurrentHashMap<>();
    private final Map<String, View> cache = new ConcurrentHashMap<>();

    Views(App app) {
        this.app = app;
    }

    void engine(String ext, TemplateEngine engine) {
        if (engine == null) throw new IllegalArgumentException("callback function required");
        engines.put(ext.startsWith(".") ? ext : "." + ext, engine);
    }

    TemplateEngine engine(String ext) {
        return engines.get(ext);
    }

    /**
     * Express's render options: {@code app.locals}, then {@code res.locals} (also passed as {@code _locals}), then
     * the given model; {@code cache} defaults to the {@code view cache} setting.
     */
    Map<String, Object> options(Map<String, Object> resLocals, Map<String, ?> model) {
        Map<String, Object> options = new LinkedHashMap<>(app.locals());
        if (resLocals != null) options.putAll(resLocals);
        if (resLocals != null) options.put("_locals", resLocals);
        if (model != null) options.putAll(model);
        if (options.get("cache") == null) options.put("cache", app.enabled("view cache"));
        return options;
    }

    String render(String name, Map<String, Object> options) throws Exception {
        View view = resolve(name, options);
        return view.engine.render(view.file, options);
    }

    /** The callback form: lookup and render failures go to {@code done}; a missing engine still throws. */
    void render(String name, Map<String, Object> options, RenderCallback done) throws Exception {
        View view;
        try {
            view = resolve(name, options);
        } catch (ViewLookupException e) {
            done.done(e, null);
            return;
        }
        String html;
        try {
            html = view.engine.render(view.file, options);
        } catch (Exception e) {
            done.done(e, null);
            return;
        }
        done.done(null, html);
    }

    private View resolve(String name, Map<String, Object> options) {
        boolean useCache = isTruthy(options.get("cache"));
        View view = useCache ? cache.get(name) : null;
        if (view != null) return view;
        String ext = NodePath.extname(name);
        String fileName = name;
        if (ext.isEmpty()) {
            Object defaultEngine = app.get("view engine");
            if (defaultEngine == null || defaultEngine.toString().isEmpty()) {
                throw new IllegalStateException("No default engine was specified and no extension was provided.");
            }
            String engineName = defaultEngine.toString();
            ext = engineName.startsWith(".") ? engineName : "." + engineName;
            fileName += ext;
        }
        TemplateEngine engine = app.engineFor(ext);
        if (engine == null) {
            throw new IllegalStateException("No view engine registered for \"" + ext + "\": use app.engine(\""
                    + ext.substring(1) + "\", engine)");
        }
        Object root = app.get("views");
        List<String> roots = roots(root);
        Path file = null;
        for (int i = 0; i < roots.size() && file == null; i++) {
            file = lookup(
                    Path.of(roots.get(i)).toAbsolutePath().resolve(fileName).normalize(), ext);
        }
        if (file == null) throw new ViewLookupException(name, roots);
        view = new View(file, engine);
        if (useCache) cache.put(name, view);
        return view;
    }

    /** {@code <path>} itself, else {@code <path without ext>/index<ext>}; null when neither is a file. */
    private static Path lookup(Path loc, String ext) {
        if (Files.isRegularFile(loc)) return loc;
        String file = loc.getFileName() == null ? "" : loc.getFileName().toString();
        String stem = file.endsWith(ext) && file.length() > ext.length()
                ? file.substring(0, file.length() - ext.length())
                : file;
        Path dir = loc.getParent() == null ? loc : loc.getParent();
        Path index = dir.resolve(stem).resolve("index" + ext);
        return Files.isRegularFile(index) ? index : null;
    }

    private static List<String> roots(Object views) {
        List<String> out = new ArrayList<>();
        if (views instanceof Collection<?> list) {
            for (Object o : list) out.add(String.valueOf(o));
        } else if (views instanceof Path p) {
            out.add(p.toString());
        } else if (views != null) {
            out.add(views.toString());
        }
        return out;
    }

    private static boolean isTruthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v);
    }

    /** Express's {@code Failed to lookup view "x" in views directory "…"} (or {@code directories "a" or "b"}). */
    static final class ViewLookupException extends IllegalStateException {
        ViewLookupException(String name, List<String> roots) {
            super("Failed to lookup view \"" + name + "\" in views " + describe(roots));
        }

        private static String describe(List<String> roots) {
            if (roots.size() > 1) {
                return "directories \"" + String.join("\", \"", roots.subList(0, roots.size() - 1)) + "\" or \""
                        + roots.get(roots.size() - 1) + "\"";
            }
            return "directory \"" + (roots.isEmpty() ? "" : roots.get(0)) + "\"";
        }
    }
}
