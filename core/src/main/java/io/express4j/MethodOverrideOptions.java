package io.express4j;

import java.util.Set;

/** Options of {@link Express#methodOverride(String, MethodOverrideOptions)}, method-override 3.0's. */
public final class MethodOverrideOptions {
    private Set<String> methods = Set.of("POST");

    /** The request methods that may be overridden (default only {@code POST}); none given: no request is. */
    public MethodOverrideOptions methods(String... methods) {
        this.methods = Set.of(methods);
        return this;
    }

    /** Any request method may be overridden (method-override's {@code methods: null}). */
    public MethodOverrideOptions anyMethod() {
        this.methods = null;
        return this;
    }

    /** Null when any method may be. */
    public Set<String> methods() {
        return methods;
    }
}
