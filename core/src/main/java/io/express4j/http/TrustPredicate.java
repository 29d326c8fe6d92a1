package io.express4j.http;

/**
 * Decides whether the hop at {@code hopIndex} (0 = the socket peer, 1 = the last
 * {@code X-Forwarded-For} entry, ...) with address {@code addr} is a trusted proxy: the compiled
 * form of Express's {@code trust proxy} setting (see {@link ProxyAddr#compile(Object)}).
 */
@FunctionalInterface
public interface TrustPredicate {

    /** Trusts every hop ({@code trust proxy = true}). */
    TrustPredicate ALL = (addr, hopIndex) -> true;

    /** Trusts nothing ({@code trust proxy = false}, Express's default). */
    TrustPredicate NONE = (addr, hopIndex) -> false;

    boolean trusts(String addr, int hopIndex);
}
