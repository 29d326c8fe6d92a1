package io.express4j;

import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Options of {@link Express#morgan(String, MorganOptions)}, morgan 1.10's: where lines go ({@code stream}, one call
 * per line without its newline; standard output by default), {@code skip}, and {@code immediate}.
 */
public final class MorganOptions {
    private Consumer<String> stream;
    private BiPredicate<Request, Response> skip;
    private boolean immediate;

    /** Each log line, without the trailing newline. Default: written to standard output with a {@code "\n"}. */
    public MorganOptions stream(Consumer<String> stream) {
        this.stream = stream;
        return this;
    }

    /** Lines go to the SLF4J logger {@code io.express4j.morgan} at INFO. */
    public MorganOptions slf4j() {
        return slf4j("io.express4j.morgan");
    }

    /** Lines go to the named SLF4J logger at INFO. */
    public MorganOptions slf4j(String loggerName) {
        Logger logger = LoggerFactory.getLogger(loggerName);
        this.stream = logger::info;
        return this;
    }

    /** Requests for which this returns true are not logged; asked when the line would be written. */
    public MorganOptions skip(BiPredicate<Request, Response> skip) {
        this.skip = skip;
        return this;
    }

    /** Log when the request comes in rather than when the response is done (no status, sizes or times then). */
    public MorganOptions immediate(boolean immediate) {
        this.immediate = immediate;
        return this;
    }

    public Consumer<String> stream() {
        return stream;
    }

    public BiPredicate<Request, Response> skip() {
        return skip;
    }

    public boolean immediate() {
        return immediate;
    }
}
