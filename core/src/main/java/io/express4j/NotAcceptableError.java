package io.express4j;

import java.util.List;

/**
 * The 406 {@code res.format} raises when no offered type is acceptable and there is no {@code default} entry, like
 * Express's {@code createError(406, {types})}: {@link #types()} lists the offered types, normalised.
 */
public class NotAcceptableError extends HttpError {
    private final List<String> types;

    public NotAcceptableError(List<String> types) {
        super(406, "Not Acceptable");
        this.types = List.copyOf(types);
    }

    /** The types that were offered ({@code text/plain}, {@code application/json}, …). */
    public List<String> types() {
        return types;
    }
}
