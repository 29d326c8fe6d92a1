package io.express4j.support;

import java.io.ByteArrayOutputStream;

/**
 * Hand-made TLS ClientHello records (RFC 5246 §7.4.1.2), for what the JDK's own client will not send: an offer of
 * TLS 1.0 or 1.1 only, and a malformed hello.
 */
public final class ClientHellos {
    public static final int PROTOCOL_VERSION = 70;
    public static final int DECODE_ERROR = 50;

    private ClientHellos() {}

    /** A fatal alert record: type 21, the record version, length 2, level 2 (fatal), the description. */
    public static byte[] alert(int recordVersion, int description) {
        return new byte[] {0x15, (byte) (recordVersion >>> 8), (byte) recordVersion, 0, 2, 2, (byte) description};
    }

    /**
     * A ClientHello offering at most {@code version} (0x0301 TLS 1.0, 0x0302 TLS 1.1) and no supported_versions
     * extension, with CBC and GCM ECDHE suites, the P-256 group and uncompressed points.
     */
    public static byte[] legacy(int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, version);
        body.writeBytes(new byte[32]); // random
        body.write(0); // no session id
        int[] suites = {0xC009, 0xC013, 0xC02B, 0xC02F, 0x002F};
        u16(body, suites.length * 2);
        for (int s : suites) u16(body, s);
        body.write(1); // compression methods: null only
        body.write(0);
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        u16(ext, 0x000a); // supported_groups: secp256r1
        u16(ext, 4);
        u16(ext, 2);
        u16(ext, 0x0017);
        u16(ext, 0x000b); // ec_point_formats: uncompressed
        u16(ext, 2);
        ext.write(1);
        ext.write(0);
        u16(body, ext.size());
        body.writeBytes(ext.toByteArray());
        return record(handshake(body.toByteArray()));
    }

    /** A complete ClientHello message too short to hold even its 32-byte random. */
    public static byte[] truncated() {
        return record(handshake(new byte[] {0x03, 0x03, 0x01, 0x02}));
    }

    private static byte[] handshake(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1); // client_hello
        out.write(body.length >>> 16);
        u16(out, body.length & 0xffff);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] record(byte[] fragment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x16); // handshake
        u16(out, 0x0301);
        u16(out, fragment.length);
        out.writeBytes(fragment);
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xff);
    }
}
