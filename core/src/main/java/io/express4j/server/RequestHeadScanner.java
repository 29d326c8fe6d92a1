package io.express4j.server;

import io.express4j.http.HeaderValidation;

/**
 * Checks the raw bytes of a request head, one byte at a time, before Netty parses it. Netty's decoder is lenient
 * where RFC 9112 lets a recipient be (it splits the request line on any whitespace, joins obs-fold continuation
 * lines, lets a bare CR pass as a separator): leniency is where request smuggling lives, so this scanner is strict:
 *
 * <ul>
 *   <li>request line: {@code token SP target SP HTTP/1.x CRLF}, single spaces, no control characters (bare CR, NUL,
 *       TAB…) and no raw byte above 0x7E in the target → 400; HTTP/1.2 and up → 400 (as Node); a major version
 *       other than 1 → 505; longer than the limit → 414;</li>
 *   <li>header lines: {@code token ":" value CRLF}; obs-fold (a line starting with SP/HTAB), whitespace before the
 *       colon, a bare CR or LF, NUL or other controls in a value → 400; too many lines or too many bytes → 431.</li>
 * </ul>
 *
 * Empty lines before the request line are skipped (RFC 9112 §2.2), up to the request line limit. Lengths are counted as Netty counts them (line
 * bytes without CRLF), so these limits trip no later than Netty's own.
 */
final class RequestHeadScanner {
    private enum State {
        PRE,
        METHOD,
        TARGET,
        VERSION,
        LINE_LF,
        HEADER_START,
        NAME,
        VALUE,
        END_LF,
        DONE
    }

    private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};
    /** Netty merges repeated Content-Length lines before anyone sees them, so they are counted here. */
    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int maxRequestLine;
    private final int maxHeaderSize;
    private final int maxHeaderCount;
    private State state = State.PRE;
    private int lineLength;
    private int headerBytes;
    private int headerCount;
    private int partLength;
    private boolean inRequestLine;
    private int nameMatch;
    private int blankBytes;
    private int contentLengths;

    RequestHeadScanner(int maxRequestLine, int maxHeaderSize, int maxHeaderCount) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderSize = maxHeaderSize;
        this.maxHeaderCount = maxHeaderCount;
    }

    /** Ready for the next request head. */
    void reset() {
        state = State.PRE;
        lineLength = 0;
        headerBytes = 0;
        headerCount = 0;
        partLength = 0;
        inRequestLine = false;
        contentLengths = 0;
        blankBytes = 0;
    }

    /** Whether some of a head (more than blank lines) has arrived. */
    boolean started() {
        return state != State.PRE;
    }

    /** Whether the empty line that ends the head has been seen. */
    boolean done() {
        return state == State.DONE;
    }

    /**
     * One byte of the head; returns false once the head is complete (the byte was its final LF).
     *
     * @throws RequestRejection when the head breaks a rule
     */
    boolean accept(byte value) {
        int b = value & 0xff;
        switch (state) {
            case PRE -> {
                if (b == '\r' || b == '\n') {
                    // Skipped, but bounded like a request line (Netty's own bound would depend on read sizes).
                    if (++blankBytes > maxRequestLine) throw new RequestRejection(414, "too many empty lines");
                    return true;
                }
                inRequestLine = true;
                state = State.METHOD;
                partLength = 0;
                return method(b);
            }
            case METHOD -> {
                return method(b);
            }
            case TARGET -> {
                count();
                if (b == ' ') {
                    if (partLength == 0) throw bad("empty request target");
                    state = State.VERSION;
                    partLength = 0;
                    return true;
                }
                // A URI has no raw byte above 0x7E (RFC 3986): UTF-8 in a target must be percent-encoded, as Node's
                // parser demands too.
                if (b < 0x21 || b >= 0x7f) throw bad("control character, whitespace or raw byte in the target");
                partLength++;
                return true;
            }
            case VERSION -> {
                return version(b);
            }
            case LINE_LF -> {
                if (b != '\n') throw bad("bare CR");
                inRequestLine = false;
                lineLength = 0;
                state = State.HEADER_START;
                return true;
            }
            case HEADER_START -> {
                if (b == '\r') {
                    state = State.END_LF;
                    return true;
                }
                if (b == ' ' || b == '\t') throw bad("obs-fold (a header line starting with whitespace)");
                if (b == '\n') throw bad("bare LF");
                if (b == ':') throw bad("empty header name");
                if (++headerCount > maxHeaderCount) throw new RequestRejection(431, "too many header lines");
                state = State.NAME;
                nameMatch = 0;
                return name(b);
            }
            case NAME -> {
                return name(b);
            }
            case VALUE -> {
                if (b == '\r') {
                    state = State.LINE_LF;
                    return true;
                }
                count();
                if (b < 0x20 ? b != '\t' : b == 0x7f)
                    throw bad(b == '\n' ? "bare LF" : "control character in a header value");
                return true;
            }
            case END_LF -> {
                if (b != '\n') throw bad("bare CR");
                state = State.DONE;
                return false;
            }
            default -> throw new IllegalStateException("the head is already complete");
        }
    }

    private boolean method(int b) {
        count();
        if (b == ' ') {
            if (partLength == 0) throw bad("empty method");
            state = State.TARGET;
            partLength = 0;
            return true;
        }
        if (!HeaderValidation.isTokenChar((char) b)) throw bad("the method is not a token");
        partLength++;
        return true;
    }

    private boolean version(int b) {
        if (b == '\r') {
            if (partLength != 8) throw bad("malformed HTTP version");
            state = State.LINE_LF;
            return true;
        }
        count();
        int pos = partLength++;
        if (pos < 5) {
            if (b != HTTP_SLASH[pos]) throw bad("malformed HTTP version");
        } else if (pos == 5) {
            if (b < '0' || b > '9') throw bad("malformed HTTP version");
            if (b != '1') throw new RequestRejection(505, "HTTP major version " + (char) b);
        } else if (pos == 6) {
            if (b != '.') throw bad("malformed HTTP version");
        } else if (pos == 7) {
            if (b != '0' && b != '1') throw bad("HTTP/1." + (char) b); // Node refuses 1.2 and up too
        } else {
            throw bad(b == '\n' ? "bare LF" : "malformed HTTP version");
        }
        return true;
    }

    private boolean name(int b) {
        if (b == ':') {
            count();
            if (nameMatch == CONTENT_LENGTH.length && ++contentLengths > 1) {
                throw bad("more than one Content-Length");
            }
            state = State.VALUE;
            return true;
        }
        count();
        int lower = b >= 'A' && b <= 'Z' ? b + 32 : b;
        nameMatch = nameMatch >= 0 && nameMatch < CONTENT_LENGTH.length && CONTENT_LENGTH[nameMatch] == lower
                ? nameMatch + 1
                : -1;
        if (!HeaderValidation.isTokenChar((char) b)) {
            throw bad(b == ' ' || b == '\t' ? "whitespace before the colon" : "invalid header name");
        }
        return true;
    }

    /** Counts a byte of the current line against the request line or the header block limit. */
    private void count() {
        if (inRequestLine) {
            if (++lineLength > maxRequestLine) throw new RequestRejection(414, "request line too long");
        } else if (++headerBytes > maxHeaderSize) {
            throw new RequestRejection(431, "header block too large");
        }
    }

    private static RequestRejection bad(String reason) {
        return new RequestRejection(400, reason);
    }
}
