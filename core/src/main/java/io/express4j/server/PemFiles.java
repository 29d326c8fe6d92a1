package io.express4j.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads a PEM certificate chain and a PKCS#8 private key (plain, or encrypted with a password as {@code openssl
 * pkcs8 -topk8} writes it) with the JDK's own classes. Netty reads the same files, but only inside
 * {@code SslContextBuilder}; the server needs the key and certificate objects first, to check that they belong
 * together and to say which file is wrong. Failures are {@link IllegalArgumentException}s naming the file.
 */
final class PemFiles {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** The key algorithms a PKCS#8 key may hold, tried in turn (a key's encoding names its algorithm by OID). */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA", "XDH");

    private PemFiles() {}

    /** Every certificate in the file, in order: the server's first, then its intermediates. */
    static X509Certificate[] certificates(byte[] pem, Path source) {
        try {
            X509Certificate[] chain =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                            .map(X509Certificate.class::cast)
                            .toArray(X509Certificate[]::new);
            if (chain.length == 0) throw new IllegalArgumentException("TLS: no certificate in " + source);
            return chain;
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    "TLS: " + source + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
    }

    /** The private key of a PEM file; {@code password} only for an encrypted key. */
    static PrivateKey privateKey(byte[] pem, char[] password, Path source) {
        Matcher block = BLOCK.matcher(new String(pem, StandardCharsets.US_ASCII));
        while (block.find()) {
            String type = block.group(1);
            if (!type.endsWith("PRIVATE KEY")) continue;
            byte[] der = Base64.getMimeDecoder().decode(block.group(2).strip());
            return switch (type) {
                case "PRIVATE KEY" -> pkcs8(der, source);
                case "ENCRYPTED PRIVATE KEY" -> decrypt(der, password, source);
                default ->
                    throw new IllegalArgumentException("TLS: " + source + " holds a '" + type
                            + "', not a PKCS#8 key; convert it: openssl pkcs8 -topk8 -nocrypt -in "
                            + source.getFileName()
                            + " -out key.pem");
            };
        }
        throw new IllegalArgumentException("TLS: no private key in " + source
                + " (expected -----BEGIN PRIVATE KEY----- or ENCRYPTED PRIVATE KEY)");
    }

    private static PrivateKey decrypt(byte[] der, char[] password, Path source) {
        if (password == null) {
            throw new IllegalArgumentException("TLS: the key in " + source
                    + " is encrypted: give its password, TlsOptions.pem(cert, key, password)");
        }
        PKCS8EncodedKeySpec spec;
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // PBES2 keys (openssl's default) name their real algorithm in the parameters, e.g.
            // PBEWithHmacSHA256AndAES_256
            String algorithm =
                    info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
            spec = info.getKeySpec(cipher);
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("TLS: wrong password for the key in " + source, e);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "TLS: cannot decrypt the key in " + source + " (wrong password or an unsupported cipher): "
                            + e.getMessage(),
                    e);
        }
        return pkcs8(spec.getEncoded(), source);
    }

    private static PrivateKey pkcs8(byte[] der, Path source) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IllegalArgumentException("TLS: the key in " + source + " is not a private key the JDK can read");
    }
}
