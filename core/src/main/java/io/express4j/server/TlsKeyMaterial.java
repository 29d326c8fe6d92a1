package io.express4j.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;

/**
 * The server's private key and certificate chain, read from PEM files or a PKCS#12 key store and checked to belong
 * together, so that a wrong file fails {@code listen} (or a reload) with a message naming it instead of failing
 * every handshake later. A file that cannot be read is an {@link UncheckedIOException}; one that holds the wrong
 * thing, or a wrong password, an {@link IllegalArgumentException}.
 */
record TlsKeyMaterial(PrivateKey key, X509Certificate[] chain) {

    static TlsKeyMaterial load(TlsConfig config) {
        TlsKeyMaterial material;
        Path keySource;
        if (config.pkcs12() != null) {
            material = pkcs12(read(config.pkcs12(), "PKCS#12 file"), config.password(), config.pkcs12());
            keySource = config.pkcs12();
        } else {
            X509Certificate[] chain =
                    PemFiles.certificates(read(config.certChain(), "certificate chain"), config.certChain());
            PrivateKey key = PemFiles.privateKey(
                    read(config.privateKey(), "private key"), config.password(), config.privateKey());
            material = new TlsKeyMaterial(key, chain);
            keySource = config.privateKey();
        }
        if (!material.keyMatchesCertificate()) {
            throw new IllegalArgumentException("TLS: the private key in " + keySource
                    + " does not belong to the certificate " + material.chain[0].getSubjectX500Principal());
        }
        return material;
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("TLS: cannot read the " + what + " " + file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("TLS: cannot read the " + what + " " + file + ": " + e, e);
        }
    }

    private static TlsKeyMaterial pkcs12(byte[] bytes, char[] password, Path source) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            // the JDK reports a wrong password as an IOException caused by UnrecoverableKeyException
            throw new IllegalArgumentException(
                    "TLS: cannot open the PKCS#12 file " + source + ": wrong password, or not a PKCS#12 file ("
                            + e.getMessage() + ")",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS: cannot open the PKCS#12 file " + source + ": " + e, e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) continue;
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    return new TlsKeyMaterial(
                            privateKey,
                            Arrays.stream(chain)
                                    .map(X509Certificate.class::cast)
                                    .toArray(X509Certificate[]::new));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "TLS: cannot read the key in the PKCS#12 file " + source + " (its key password differs?): " + e, e);
        }
        throw new IllegalArgumentException(
                "TLS: the PKCS#12 file " + source + " holds no private key with a certificate chain");
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    boolean keyMatchesCertificate() {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> key.getAlgorithm();
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) return true; // an algorithm we cannot sign with here: the handshake will tell
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(chain[0].getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // e.g. an RSA key against an EC certificate
        }
    }
}
