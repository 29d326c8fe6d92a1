package io.express4j;

/** The callback of {@code app.render} / {@code res.render}: an error, or the rendered HTML. */
@FunctionalInterface
public interface RenderCallback {
    void done(Throwable err, String html) throws Exception;
}
