package io.express4j.body;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import io.express4j.log.Logs;

/** Whether brotli4j's native library loaded here: {@code br} request bodies and responses need it. */
public final class Brotli {
    /** Checked once; false where no native library exists for the platform. */
    public static final boolean AVAILABLE = load();

    private Brotli() {}

    private static boolean load() {
        try {
            return Brotli4jLoader.isAvailable();
        } catch (Throwable e) { // natives missing for this platform
            Logs.get(Brotli.class).debug("brotli unsupported", e);
            return false;
        }
    }
}
