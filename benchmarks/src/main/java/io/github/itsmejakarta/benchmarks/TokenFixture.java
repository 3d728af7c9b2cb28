package io.github.itsmejakarta.benchmarks;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Keys and itsme-shaped ID tokens for the benchmarks and their test, minted with jose4j the way itsme sends them: a
 * JWS (RS256, {@code kid} of itsme's signing key) nested in a JWE (RSA-OAEP-256, A128CBC-HS256, {@code kid} of the
 * RP's encryption key, {@code cty: JWT}).
 * <p>
 * Time is frozen at {@link #NOW} so that a token minted once stays valid for the whole run, however long it lasts.
 * Not thread-safe while minting; the keys and JWKS strings are safe to share once created.
 */
public final class TokenFixture {

    public static final String ISSUER = "https://idp.prd.itsme.services/v2";
    public static final String CLIENT_ID = "benchmark-client";
    public static final String SUB = "5c0e6a32-8a5e-4b8e-9c3a-2f1b7d9e4a61";
    public static final String NONCE = "mQ3vN8Zk1uYtC0pLx7sWd2eRf5gHj9aBn4oKi6cTqE0";
    public static final String ACR_BASIC = "http://itsme.services/v2/claim/acr_basic";
    public static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration MAX_TOKEN_AGE = Duration.ofMinutes(10);

    public static final String RP_SIG_KID = "s1";
    public static final String RP_ENC_KID = "e1";
    public static final String ITSME_SIG_KID = "itsme-sig-2026";
    public static final String ITSME_ENC_KID = "itsme-enc-2026";

    private static final String CLAIM = "http://itsme.services/v2/claim/";

    private final KeyPair rpSig;
    private final KeyPair rpEnc;
    private final KeyPair itsmeSig;
    private final KeyPair itsmeEnc;
    private final KeyPair stranger;
    private final String itsmePublicJwksJson;
    private final String rpPrivateJwksJson;
    private final String rpEncPrivateJwkJson;

    private TokenFixture() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            rpSig = generator.generateKeyPair();
            rpEnc = generator.generateKeyPair();
            itsmeSig = generator.generateKeyPair();
            itsmeEnc = generator.generateKeyPair();
            stranger = generator.generateKeyPair();
            itsmePublicJwksJson = new JsonWebKeySet(jwk(itsmeSig, ITSME_SIG_KID, Use.SIGNATURE, "RS256"),
                    jwk(itsmeEnc, ITSME_ENC_KID, Use.ENCRYPTION, "RSA-OAEP-256"))
                    .toJson(OutputControlLevel.PUBLIC_ONLY);
            RsaJsonWebKey rpEncJwk = jwk(rpEnc, RP_ENC_KID, Use.ENCRYPTION, "RSA-OAEP-256");
            rpPrivateJwksJson = new JsonWebKeySet(jwk(rpSig, RP_SIG_KID, Use.SIGNATURE, "RS256"), rpEncJwk)
                    .toJson(OutputControlLevel.INCLUDE_PRIVATE);
            rpEncPrivateJwkJson = rpEncJwk.toJson(OutputControlLevel.INCLUDE_PRIVATE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generates five fresh RSA 2048 key pairs: RP sig/enc, itsme sig/enc, and a stranger not in any JWKS. */
    public static TokenFixture create() {
        return new TokenFixture();
    }

    private static RsaJsonWebKey jwk(KeyPair pair, String kid, String use, String alg) {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        jwk.setPrivateKey(pair.getPrivate());
        jwk.setKeyId(kid);
        jwk.setUse(use);
        jwk.setAlgorithm(alg);
        return jwk;
    }

    public KeyPair rpSigningKey() {
        return rpSig;
    }

    public KeyPair rpEncryptionKey() {
        return rpEnc;
    }

    public KeyPair itsmeSigningKey() {
        return itsmeSig;
    }

    public KeyPair itsmeEncryptionKey() {
        return itsmeEnc;
    }

    public KeyPair stranger() {
        return stranger;
    }

    /** itsme's published JWKS (public sig + enc keys), as its {@code jwks_uri} would answer. */
    public String itsmePublicJwksJson() {
        return itsmePublicJwksJson;
    }

    /** The RP's own key file: private sig key {@value #RP_SIG_KID} and private enc key {@value #RP_ENC_KID}. */
    public String rpPrivateJwksJson() {
        return rpPrivateJwksJson;
    }

    public String rpEncPrivateJwkJson() {
        return rpEncPrivateJwkJson;
    }

    /** The token every benchmark path processes. */
    public String idToken() {
        return idTokenSpec().mint();
    }

    /** A valid ID token's recipe, to alter before minting. */
    public IdTokenSpec idTokenSpec() {
        return new IdTokenSpec();
    }

    /** What itsme returns for a Share-data login asking profile, email, phone, address and eid in the ID token. */
    static Map<String, Object> shareDataClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        long iat = NOW.minusSeconds(5).getEpochSecond();
        claims.put("iss", ISSUER);
        claims.put("sub", SUB);
        claims.put("aud", CLIENT_ID);
        claims.put("exp", iat + 300);
        claims.put("iat", iat);
        claims.put("auth_time", iat - 20);
        claims.put("nonce", NONCE);
        claims.put("acr", ACR_BASIC);
        claims.put("given_name", "Marie");
        claims.put("family_name", "Peeters");
        claims.put("name", "Marie Peeters");
        claims.put("gender", "female");
        claims.put("locale", "NL");
        claims.put("birthdate", "1985-04-12");
        claims.put("email", "marie.peeters@example.be");
        claims.put("email_verified", false);
        claims.put("phone_number", "+32 485694175");
        claims.put("phone_number_verified", true);
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("formatted", "Wetstraat 16\n1000 Brussel");
        address.put("street_address", "Wetstraat 16");
        address.put("postal_code", "1000");
        address.put("locality", "Brussel");
        address.put("country", "BE");
        claims.put("address", address);
        claims.put(CLAIM + "BENationalNumber", "85041212345");
        claims.put(CLAIM + "BEeidSn", "592123456789");
        claims.put(CLAIM + "validityTo", Map.of(CLAIM + "BEeidSn", "2028-11-10T00:00:00Z"));
        return claims;
    }

    /** Recipe of one nested ID token; each setter returns this. Defaults: a valid token, exactly as itsme sends. */
    public final class IdTokenSpec {
        private final Map<String, Object> claims = shareDataClaims();
        private PrivateKey signingKey = itsmeSig.getPrivate();
        private String signingKid = ITSME_SIG_KID;
        private boolean corruptSignature;
        private boolean corruptCiphertext;
        private boolean corruptEncryptedKey;

        private IdTokenSpec() {
        }

        public IdTokenSpec claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public IdTokenSpec removeClaim(String name) {
            claims.remove(name);
            return this;
        }

        /** Times relative to {@link #NOW}: issued {@code iatOffset} seconds from now, valid {@code lifetime} s. */
        public IdTokenSpec issuedAt(long iatOffsetSeconds, long lifetimeSeconds) {
            long iat = NOW.getEpochSecond() + iatOffsetSeconds;
            claims.put("iat", iat);
            claims.put("exp", iat + lifetimeSeconds);
            return this;
        }

        /** Signs with a key that is not in itsme's JWKS, under itsme's kid. */
        public IdTokenSpec signedByStranger() {
            signingKey = stranger.getPrivate();
            return this;
        }

        /** Flips a bit of the inner RS256 signature (the JWE around it stays intact). */
        public IdTokenSpec corruptSignature() {
            corruptSignature = true;
            return this;
        }

        /** Flips a bit of the outer JWE ciphertext (its A128CBC-HS256 tag no longer matches). */
        public IdTokenSpec corruptCiphertext() {
            corruptCiphertext = true;
            return this;
        }

        /** Flips a bit of the outer JWE's RSA-OAEP encrypted key. */
        public IdTokenSpec corruptEncryptedKey() {
            corruptEncryptedKey = true;
            return this;
        }

        public String mint() {
            try {
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(JsonUtil.toJson(claims));
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
                jws.setKeyIdHeaderValue(signingKid);
                jws.setKey(signingKey);
                String inner = jws.getCompactSerialization();
                if (corruptSignature) {
                    inner = flipSegment(inner, 2);
                }
                JsonWebEncryption jwe = new JsonWebEncryption();
                jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
                jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
                jwe.setKeyIdHeaderValue(RP_ENC_KID);
                jwe.setContentTypeHeaderValue("JWT");
                jwe.setKey(rpEnc.getPublic());
                jwe.setPayload(inner);
                String outer = jwe.getCompactSerialization();
                if (corruptCiphertext) {
                    outer = flipSegment(outer, 3);
                }
                if (corruptEncryptedKey) {
                    outer = flipSegment(outer, 1);
                }
                return outer;
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Flips one bit in the middle of the decoded bytes of segment {@code index} of a compact serialization. */
    static String flipSegment(String compact, int index) {
        String[] parts = compact.split("\\.", -1);
        byte[] bytes = Base64.getUrlDecoder().decode(parts[index]);
        bytes[bytes.length / 2] ^= 0x01;
        parts[index] = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return String.join(".", List.of(parts));
    }
}
