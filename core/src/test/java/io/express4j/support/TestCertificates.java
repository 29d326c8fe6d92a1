package io.express4j.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates for the TLS tests, made once per test JVM with the JDK's {@code keytool} (no file committed, nothing
 * that expires): a test CA and two server certificates it signed for {@code localhost} and {@code 127.0.0.1} (the
 * second stands for a renewed one), each as a PEM chain, a PEM PKCS#8 key (plain and encrypted) and a PKCS#12 file.
 */
public final class TestCertificates {
    public static final char[] PASSWORD = "changeit".toCharArray();
    private static TestCertificates instance;

    private final Path dir;
    private final X509Certificate ca;
    public final Identity first;
    public final Identity renewed;

    /** One server certificate and its key, in each of the formats the server reads. */
    public record Identity(
            Path chainPem,
            Path keyPem,
            Path encryptedKeyPem,
            Path pkcs12,
            X509Certificate certificate,
            PrivateKey key) {}

    private TestCertificates(Path dir) throws Exception {
        this.dir = dir;
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=express4j test CA",
                "-ext",
                "bc:c",
                "-validity",
                "36500",
                "-keystore",
                "ca.p12");
        first = identity("first", "CN=localhost, O=first");
        renewed = identity("renewed", "CN=localhost, O=renewed");
        ca = (X509Certificate) keyStore().getCertificate("ca");
    }

    public static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("express4j-tls");
                instance = new TestCertificates(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the test certificates", e);
            }
        }
        return instance;
    }

    public Path dir() {
        return dir;
    }

    public X509Certificate ca() {
        return ca;
    }

    /** A client context trusting the test CA only, with the JDK's defaults otherwise. */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Identity identity(String name, String dname) throws Exception {
        // one keytool run: a key pair whose certificate the CA signs (keytool's -signer, JDK 20+)
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-validity",
                "36500",
                "-signer",
                "ca",
                "-signerkeypass",
                "changeit",
                "-ext",
                "san=dns:localhost,ip:127.0.0.1",
                "-ext",
                "eku=serverAuth",
                "-keystore",
                "ca.p12");
        KeyStore generated = keyStore();
        PrivateKey key = (PrivateKey) generated.getKey(name, PASSWORD);
        X509Certificate cert = (X509Certificate) generated.getCertificate(name);
        X509Certificate ca = (X509Certificate) generated.getCertificate("ca");
        Path chainPem = dir.resolve(name + "-chain.pem");
        Files.writeString(chainPem, pem("CERTIFICATE", cert.getEncoded()) + pem("CERTIFICATE", ca.getEncoded()));
        Path keyPem = dir.resolve(name + "-key.pem");
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        Path encryptedKeyPem = dir.resolve(name + "-key-encrypted.pem");
        Files.writeString(encryptedKeyPem, pem("ENCRYPTED PRIVATE KEY", encrypt(key.getEncoded(), PASSWORD)));
        Path pkcs12 = dir.resolve(name + ".p12");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("server", key, PASSWORD, new Certificate[] {cert, ca});
        try (OutputStream out = Files.newOutputStream(pkcs12)) {
            p12.store(out, PASSWORD);
        }
        return new Identity(chainPem, keyPem, encryptedKeyPem, pkcs12, cert, key);
    }

    /** PKCS#8 encrypted as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} does: PBES2, PBKDF2 with HMAC-SHA256. */
    static byte[] encrypt(byte[] pkcs8, char[] password) throws GeneralSecurityException, IOException {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        SecureRandom random = new SecureRandom();
        random.nextBytes(salt);
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(
                Cipher.ENCRYPT_MODE,
                SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password)),
                new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(pkcs8);
        // named PBES2 (its OID), with the PBKDF2 and AES choices in the encoded parameters, as openssl writes it
        AlgorithmParameters params = AlgorithmParameters.getInstance("PBES2");
        params.init(cipher.getParameters().getEncoded());
        return new EncryptedPrivateKeyInfo(params, encrypted).getEncoded();
    }

    private KeyStore keyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("ca.p12"))), PASSWORD);
        return store;
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", "changeit", "-noprompt"));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(
                    "keytool " + String.join(" ", args) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static void deleteQuietly(Path root) {
        try (var all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }

    /** Copies a file over another, for tests that replace a certificate on disk. */
    public static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
