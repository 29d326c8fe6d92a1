/** express4j-mustache: Mustache.java as an express4j view engine. */
module io.express4j.mustache {
    exports io.express4j.mustache;

    requires transitive io.express4j; // MustacheEngine is an io.express4j.spi.TemplateEngine
    requires com.github.mustachejava;
}
