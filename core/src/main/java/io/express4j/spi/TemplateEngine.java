package io.express4j.spi;

import java.nio.file.Path;
import java.util.Map;

/**
 * A view engine registered with {@link io.express4j.App#engine(String, TemplateEngine)}, Express's
 * {@code (filePath, options, callback)} engine function made synchronous. {@code model} holds, as Express's
 * {@code options} do, {@code app.locals} (with {@code settings}), {@code res.locals} (also as {@code _locals}), the
 * values given to {@code render}, and {@code cache} — true when the engine may cache the compiled template.
 */
@FunctionalInterface
public interface TemplateEngine {
    String render(Path file, Map<String, Object> model) throws Exception;
}
