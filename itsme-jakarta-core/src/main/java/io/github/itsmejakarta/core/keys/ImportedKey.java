package io.github.itsmejakarta.core.keys;

import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.ItsmeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * An existing RSA key pair brought into the relying party's JWK set: read from PEM files (a PKCS#8 private key and an
 * optional X.509 certificate chain) or from a PKCS#12 keystore ({@link Pkcs12KeyStore#key(String)}), so that teams who
 * keep their keys there need no second copy in another format.
 *
 * <p>The same rules as a loaded JWK set apply (itsme's JOSE page; NIST SP 800-57): RSA only, at least 2048 bits. A
 * certificate chain must start with a certificate of this very key (RFC 7517 4.7: the first certificate of
 * {@code x5c} holds the key); it is published as {@code x5c}. The key id is the key's RFC 7638 JWK thumbprint
 * (SHA-256), so that importing the same key twice gives the same {@code kid}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the key id only.
 */
public final class ImportedKey {
    private static final Pattern PEM_BLOCK = Pattern
            .compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final List<X509Certificate> certificateChain;
    private final String kid;

    private ImportedKey(String source, PrivateKey privateKey, PublicKey publicKey, List<X509Certificate> chain)
            throws ItsmeConfigurationException {
        if (!(privateKey instanceof RSAPrivateKey rsa)) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEY_IMPORT_UNUSABLE, source,
                    "it is an " + privateKey.getAlgorithm() + " key; itsme needs RSA keys");
        }
        RSAPublicKey pub = rsaPublicKey(source, rsa, publicKey);
        int bits = rsa.getModulus().bitLength();
        if (bits < RelyingPartyKeys.MIN_RSA_BITS) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEY_IMPORT_UNUSABLE, source,
                    "it has " + bits + " bits; RSA keys need at least " + RelyingPartyKeys.MIN_RSA_BITS);
        }
        if (!chain.isEmpty() && !chain.get(0).getPublicKey().equals(pub)) {
            throw new ItsmeConfigurationException(ItsmeMessage.CERTIFICATE_MISMATCH, source);
        }
        this.privateKey = rsa;
        this.publicKey = pub;
        this.certificateChain = List.copyOf(chain);
        try {
            this.kid = new RsaJsonWebKey(pub).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (RuntimeException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEY_IMPORT_UNUSABLE, e, source,
                    "its thumbprint could not be computed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The public half: from the certificate when there is one, else from the private key's CRT parameters. */
    private static RSAPublicKey rsaPublicKey(String source, RSAPrivateKey rsa, PublicKey given)
            throws ItsmeConfigurationException {
        if (given != null) {
            if (!(given instanceof RSAPublicKey pub) || !pub.getModulus().equals(rsa.getModulus())) {
                throw new ItsmeConfigurationException(ItsmeMessage.CERTIFICATE_MISMATCH, source);
            }
            return pub;
        }
        if (rsa instanceof RSAPrivateCrtKey crt && crt.getPublicExponent() != null) {
            try {
                return (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            } catch (GeneralSecurityException e) {
                throw new ItsmeConfigurationException(ItsmeMessage.KEY_IMPORT_UNUSABLE, e, source,
                        e.getClass().getSimpleName());
            }
        }
        throw new ItsmeConfigurationException(ItsmeMessage.KEY_IMPORT_UNUSABLE, source,
                "its public exponent is unknown; give its certificate too");
    }

    /** For {@link Pkcs12KeyStore}: a key entry and its chain. */
    static ImportedKey of(String source, PrivateKey privateKey, List<X509Certificate> chain)
            throws ItsmeConfigurationException {
        return new ImportedKey(source, privateKey, chain.isEmpty() ? null : chain.get(0).getPublicKey(), chain);
    }

    /**
     * Reads a key from PEM text: an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}, what
     * {@code openssl genpkey} and {@code openssl pkcs8 -topk8 -nocrypt} write) and, optionally, its X.509 certificate
     * chain ({@code -----BEGIN CERTIFICATE-----} blocks, the key's own certificate first).
     *
     * @param privateKeyPem the private key
     * @param certificateChainPem the chain, or {@code null}
     * @throws ItsmeConfigurationException ITSME-1033 unreadable or another format (the message says how to convert),
     *         ITSME-1032 not RSA or under 2048 bits, ITSME-1034 a chain that is not this key's
     */
    public static ImportedKey fromPem(String privateKeyPem, String certificateChainPem)
            throws ItsmeConfigurationException {
        return fromPem("private key", privateKeyPem, "certificate chain", certificateChainPem);
    }

    /**
     * Reads a key from PEM files; see {@link #fromPem(String, String)}.
     *
     * @param privateKey the PKCS#8 private key file
     * @param certificateChain the certificate chain file, or {@code null}
     * @throws ItsmeConfigurationException as {@link #fromPem(String, String)}, and ITSME-1033 for an unreadable file
     */
    public static ImportedKey fromPemFiles(Path privateKey, Path certificateChain) throws ItsmeConfigurationException {
        String keyText = readFile(privateKey);
        String chainText = certificateChain == null ? null : readFile(certificateChain);
        return fromPem("file " + privateKey, keyText,
                certificateChain == null ? null : "file " + certificateChain, chainText);
    }

    private static String readFile(Path file) throws ItsmeConfigurationException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.PEM_UNREADABLE, e, "file " + file,
                    e.getClass().getSimpleName());
        }
    }

    private static ImportedKey fromPem(String keySource, String keyPem, String chainSource, String chainPem)
            throws ItsmeConfigurationException {
        PrivateKey key = privateKey(keySource, keyPem);
        List<X509Certificate> chain = chainPem == null ? List.of() : certificates(chainSource, chainPem);
        return new ImportedKey(keySource, key, chain.isEmpty() ? null : chain.get(0).getPublicKey(), chain);
    }

    private static PrivateKey privateKey(String source, String pem) throws ItsmeConfigurationException {
        List<String> labels = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(pem == null ? "" : pem);
        while (m.find()) {
            String label = m.group(1);
            labels.add(label);
            if (!"PRIVATE KEY".equals(label)) {
                continue;
            }
            byte[] der = base64(source, m.group(2));
            // PKCS#8 names its algorithm: try RSA, and report another algorithm as such
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException rsaFailed) {
                for (String algorithm : List.of("EC", "Ed25519", "DSA")) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    } catch (GeneralSecurityException e) {
                        // not this one either
                    }
                }
                throw new ItsmeConfigurationException(ItsmeMessage.PEM_UNREADABLE, rsaFailed, source,
                        "the PRIVATE KEY block is not a valid PKCS#8 key");
            }
        }
        if (labels.contains("RSA PRIVATE KEY")) {
            throw new ItsmeConfigurationException(ItsmeMessage.PEM_UNREADABLE, source,
                    "it holds a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it with"
                            + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
        }
        if (labels.contains("ENCRYPTED PRIVATE KEY")) {
            throw new ItsmeConfigurationException(ItsmeMessage.PEM_UNREADABLE, source,
                    "the key is encrypted; import it from a PKCS#12 keystore instead, or decrypt it with"
                            + " 'openssl pkcs8 -in key.pem -out key-pkcs8.pem' into a file only you can read");
        }
        throw new ItsmeConfigurationException(ItsmeMessage.PEM_UNREADABLE, source,
                labels.isEmpty() ? "no PEM block found" : "no PRIVATE KEY block (found: " + labels + ")");
    }

    private static List<X509Certificate> certificates(String source, String pem) throws ItsmeConfigurationException {
        List<X509Certificate> chain = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(pem);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                if ("CERTIFICATE".equals(m.group(1))) {
                    Certificate c = factory.generateCertificate(new ByteArrayInputStream(base64(source, m.group(2))));
                    chain.add((X509Certificate) c);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.PEM_UNREADABLE, e, source,
                    "a CERTIFICATE block is not a valid X.509 certificate");
        }
        if (chain.isEmpty()) {
            throw new ItsmeConfigurationException(ItsmeMessage.PEM_UNREADABLE, source, "no CERTIFICATE block found");
        }
        return chain;
    }

    private static byte[] base64(String source, String body) throws ItsmeConfigurationException {
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.PEM_UNREADABLE, source, "invalid base64");
        }
    }

    /** The key id it gets in the JWK set: its RFC 7638 SHA-256 thumbprint, base64url. */
    public String kid() {
        return kid;
    }

    /** The modulus size in bits. */
    public int bits() {
        return publicKey.getModulus().bitLength();
    }

    /** The certificate chain published as {@code x5c}, the key's own certificate first; empty without one. */
    public List<X509Certificate> certificateChain() {
        return certificateChain;
    }

    /** The JWK of this key for {@code use}, with its private part and {@code x5c}. */
    RsaJsonWebKey toJwk(String use) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
        jwk.setPrivateKey(privateKey);
        jwk.setKeyId(kid);
        jwk.setUse(use);
        if ("sig".equals(use)) {
            jwk.setAlgorithm("RS256");
        }
        if (!certificateChain.isEmpty()) {
            jwk.setCertificateChain(certificateChain);
        }
        return jwk;
    }

    @Override
    public String toString() {
        return "ImportedKey[kid=" + kid + "]";
    }
}
