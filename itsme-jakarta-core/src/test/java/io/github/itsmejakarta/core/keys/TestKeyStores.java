package io.github.itsmejakarta.core.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys, self-signed certificates and PKCS#12 keystores made in the test, with the JDK alone (no {@code keytool}, no
 * extra library): a PKCS#12 key entry needs a certificate, and the JDK has no public API to make one, so this writes
 * the few DER structures of an X.509 v1 certificate (RFC 5280 4.1) itself and signs it with SHA256withRSA.
 */
public final class TestKeyStores {
    private static final byte[] SHA256_WITH_RSA = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
            0x0D, 0x01, 0x01, 0x0B};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private TestKeyStores() {
    }

    /** A fresh key pair of the algorithm ({@code RSA}, {@code EC}) and size. */
    public static KeyPair keyPair(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /** A fresh 2048-bit RSA key pair. */
    public static KeyPair rsa() throws GeneralSecurityException {
        return keyPair("RSA", 2048);
    }

    /** A certificate of {@code subject}'s public key, signed by {@code issuer}'s private RSA key. */
    public static X509Certificate certificate(KeyPair subject, KeyPair issuer, String commonName)
            throws GeneralSecurityException {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        byte[] name = seq(set(seq(COMMON_NAME, tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] algorithm = seq(SHA256_WITH_RSA, new byte[]{0x05, 0x00});
        byte[] tbs = seq(tlv(0x02, BigInteger.valueOf(System.nanoTime()).toByteArray()), algorithm, name,
                seq(utcTime(now.minusDays(1)), utcTime(now.plusYears(1))), name,
                subject.getPublic().getEncoded());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(issuer.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] der = seq(tbs, algorithm, tlv(0x03, bitString));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    /** A self-signed certificate of an RSA key pair. */
    public static X509Certificate selfSigned(KeyPair pair, String commonName) throws GeneralSecurityException {
        return certificate(pair, pair, commonName);
    }

    /** Writes a PKCS#12 keystore holding each key pair under its alias with a self-signed certificate. */
    public static Path pkcs12(Path file, char[] password, Map<String, KeyPair> entries)
            throws GeneralSecurityException, IOException {
        Map<String, Certificate[]> chains = new LinkedHashMap<>();
        for (Map.Entry<String, KeyPair> e : entries.entrySet()) {
            chains.put(e.getKey(), new Certificate[]{selfSigned(e.getValue(), e.getKey())});
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        for (Map.Entry<String, KeyPair> e : entries.entrySet()) {
            store.setKeyEntry(e.getKey(), e.getValue().getPrivate(), password, chains.get(e.getKey()));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    /** PEM text of a DER structure: {@code PRIVATE KEY} for {@code PrivateKey.getEncoded()} (PKCS#8), etc. */
    public static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] utcTime(ZonedDateTime time) {
        return tlv(0x17, time.format(UTC_TIME).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] bytes = BigInteger.valueOf(length).toByteArray();
            int start = bytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (bytes.length - start));
            out.write(bytes, start, bytes.length - start);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
