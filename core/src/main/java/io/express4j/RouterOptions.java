package io.express4j;

/** Options of {@link Express#router(RouterOptions)}, by their Express names. */
public final class RouterOptions {
    private boolean caseSensitive;
    private boolean mergeParams;
    private boolean strict;

    /** Route and mount paths match case-sensitively. */
    public RouterOptions caseSensitive(boolean on) {
        this.caseSensitive = on;
        return this;
    }

    /** {@code req.params} also holds the params of the path the router is mounted at. */
    public RouterOptions mergeParams(boolean on) {
        this.mergeParams = on;
        return this;
    }

    /** A trailing slash is significant on route paths. */
    public RouterOptions strict(boolean on) {
        this.strict = on;
        return this;
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    public boolean mergeParams() {
        return mergeParams;
    }

    public boolean strict() {
        return strict;
    }
}
