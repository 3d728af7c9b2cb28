package io.github.itsmejakarta.core.testing;

import io.github.itsmejakarta.core.internal.jose.ItsmeJwks;
import io.github.itsmejakarta.core.internal.jose.ItsmeTokenProcessor;
import io.github.itsmejakarta.core.internal.jose.JwksFetcher;
import io.github.itsmejakarta.core.internal.jose.TokenPolicy;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The itsme side, for tests: keys generated once per JVM, tokens minted with jose4j exactly as itsme nests them (RS256
 * JWS with kid inside an RSA-OAEP-256 / A128CBC-HS256 JWE with the RP key's kid and cty JWT), and every knob needed to
 * make them wrong. The one token fixture of the project: core's tests use it, and core's test-jar (this package only)
 * gives it to the benchmarks, so that the benchmarks time the tokens these tests check. Test support, not an internal
 * package: the benchmarks may use it without reaching into core's internals.
 *
 * <p>The keys and JSON strings are safe to share between threads; a {@link Token} under construction is not.
 */
public final class TokenFixture {
    public static final String ISSUER = "https://idp.e2e.itsme.services/v2";
    public static final String CLIENT_ID = "my-client";
    public static final String SUB = "0123456789abcdef0123456789abcdef0123";
    public static final String NONCE = "n-0S6_WzA2Mj";
    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    public static final String ACR_BASIC = "http://itsme.services/v2/claim/acr_basic";
    public static final String ACR_ADVANCED = "http://itsme.services/v2/claim/acr_advanced";
    private static final String CLAIM = "http://itsme.services/v2/claim/";

    /** A clock that stands still at {@link #NOW}: a token minted once stays valid however long a benchmark runs. */
    public static final Clock FIXED_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final RelyingPartyKeys RP_KEYS = RelyingPartyKeys.generate();
    public static final RsaJsonWebKey ITSME_SIG = rsa(2048, "itsme-sig-1", "sig");
    public static final RsaJsonWebKey ITSME_SIG_NEW = rsa(2048, "itsme-sig-2", "sig");
    public static final RsaJsonWebKey ITSME_ENC = rsa(2048, "itsme-enc-1", "enc");
    public static final RsaJsonWebKey ATTACKER = rsa(2048, "attacker", "sig");
    public static final RsaJsonWebKey OTHER_RP_ENC = rsa(2048, "other-enc", "enc");

    private TokenFixture() {
    }

    public static RsaJsonWebKey rsa(int bits, String kid, String use) {
        try {
            RsaJsonWebKey k = RsaJwkGenerator.generateJwk(bits);
            k.setKeyId(kid);
            k.setUse(use);
            return k;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key of the RP's encryption key {@code kid} (from its published set). */
    public static RSAPublicKey rpEncryptionKey(RelyingPartyKeys keys, String kid) {
        return rpPublicKey(keys, kid);
    }

    /** The public half of the RP's key {@code kid}, signing or encryption (from its published set). */
    public static RSAPublicKey rpPublicKey(RelyingPartyKeys keys, String kid) {
        try {
            return (RSAPublicKey) ((PublicJsonWebKey) new JsonWebKeySet(keys.publicJwkSetJson())
                    .findJsonWebKey(kid, null, null, null)).getPublicKey();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String jwks(JsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** itsme's usual published set: its signing key and its encryption key. */
    public static String itsmeJwks() {
        return jwks(ITSME_SIG, ITSME_ENC);
    }

    /** The RP's first encryption key as a private JWK (for libraries that take keys as JWKs). */
    public static String rpDecryptionJwkJson() {
        String kid = RP_KEYS.decryptionKeys().get(0).kid();
        RsaJsonWebKey jwk = new RsaJsonWebKey(rpPublicKey(RP_KEYS, kid));
        jwk.setPrivateKey(RP_KEYS.decryptionKeys().get(0).privateKey());
        jwk.setKeyId(kid);
        jwk.setUse("enc");
        return jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    public static MutableClock clock() {
        return new MutableClock(NOW);
    }

    public static TokenPolicy policy(MutableClock clock) {
        return TokenPolicy.defaults(ISSUER, CLIENT_ID).withClock(clock);
    }

    /** A JWKS fetcher that counts its calls and serves whatever {@link #json} holds. */
    public static final class CountingFetcher implements JwksFetcher {
        public volatile String json;
        public final AtomicInteger calls = new AtomicInteger();

        public CountingFetcher(String json) {
            this.json = json;
        }

        @Override
        public String fetch() {
            calls.incrementAndGet();
            return json;
        }
    }

    public static ItsmeTokenProcessor processor(MutableClock clock) {
        return new ItsmeTokenProcessor(RP_KEYS,
                new ItsmeJwks(new CountingFetcher(itsmeJwks()), clock, Duration.ofSeconds(30)), policy(clock));
    }

    public static Token idToken() {
        return new Token().claim("iss", ISSUER).claim("sub", SUB).claim("aud", CLIENT_ID)
                .claim("exp", NOW.getEpochSecond() + 300).claim("iat", NOW.getEpochSecond())
                .claim("auth_time", NOW.getEpochSecond() - 5).claim("nonce", NONCE).claim("acr", ACR_BASIC);
    }

    /**
     * The ID token itsme returns for a Share-data login that asks profile, email, phone, address and eid claims in the
     * ID token: {@link #idToken()} plus those claims (what the benchmarks process).
     */
    public static Token shareDataIdToken() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("formatted", "Wetstraat 16\n1000 Brussel");
        address.put("street_address", "Wetstraat 16");
        address.put("postal_code", "1000");
        address.put("locality", "Brussel");
        address.put("country", "BE");
        return idToken().claim("given_name", "Marie").claim("family_name", "Peeters").claim("name", "Marie Peeters")
                .claim("gender", "female").claim("locale", "NL").claim("birthdate", "1985-04-12")
                .claim("email", "marie.peeters@example.be").claim("email_verified", false)
                .claim("phone_number", "+32 485694175").claim("phone_number_verified", true).claim("address", address)
                .claim(CLAIM + "BENationalNumber", "85041212345").claim(CLAIM + "BEeidSn", "592123456789")
                .claim(CLAIM + "validityTo", Map.of(CLAIM + "BEeidSn", "2028-11-10T00:00:00Z"));
    }

    public static Token userInfo() {
        return new Token().claim("iss", ISSUER).claim("sub", SUB).claim("aud", CLIENT_ID)
                .claim("family_name", "Peeters").claim("given_name", "An");
    }

    /** A token under construction: claims, the inner JWS, the outer JWE. */
    public static final class Token {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String jwsAlg = "RS256";
        private Key jwsKey = ITSME_SIG.getPrivateKey();
        private String jwsKid = ITSME_SIG.getKeyId();
        private final Map<String, Object> jwsHeaders = new LinkedHashMap<>();
        private PublicJsonWebKey jwkHeader;
        private boolean signed = true;
        private boolean encrypted = true;
        private String jweAlg = "RSA-OAEP-256";
        private String enc = "A128CBC-HS256";
        private String jweKid = RP_KEYS.decryptionKeys().get(0).kid();
        private Key jweKey = rpEncryptionKey(RP_KEYS, RP_KEYS.decryptionKeys().get(0).kid());
        private String cty = "JWT";
        private boolean zip;
        private final Map<String, Object> jweHeaders = new LinkedHashMap<>();
        private String inner;

        /** Encrypts exactly this text instead of a JWS made from the claims. */
        public Token inner(String text) {
            this.inner = text;
            return this;
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Token without(String name) {
            claims.remove(name);
            return this;
        }

        public Token signedWith(String alg, Key key, String kid) {
            this.jwsAlg = alg;
            this.jwsKey = key;
            this.jwsKid = kid;
            return this;
        }

        public Token signedBy(RsaJsonWebKey key) {
            return signedWith("RS256", key.getPrivateKey(), key.getKeyId());
        }

        public Token jwsHeader(String name, Object value) {
            jwsHeaders.put(name, value);
            return this;
        }

        public Token jwkHeader(PublicJsonWebKey jwk) {
            this.jwkHeader = jwk;
            return this;
        }

        public Token unsigned() {
            this.signed = false;
            return this;
        }

        public Token unencrypted() {
            this.encrypted = false;
            return this;
        }

        public Token encryptedWith(String alg, String enc) {
            this.jweAlg = alg;
            this.enc = enc;
            return this;
        }

        public Token encryptedTo(Key key, String kid) {
            this.jweKey = key;
            this.jweKid = kid;
            return this;
        }

        public Token jweKid(String kid) {
            this.jweKid = kid;
            return this;
        }

        public Token cty(String cty) {
            this.cty = cty;
            return this;
        }

        public Token zip() {
            this.zip = true;
            return this;
        }

        public Token jweHeader(String name, Object value) {
            jweHeaders.put(name, value);
            return this;
        }

        public String claimsJson() {
            return JsonUtil.toJson(claims);
        }

        public String jws() {
            try {
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(claimsJson());
                jws.setAlgorithmHeaderValue(jwsAlg);
                if (jwsKid != null) {
                    jws.setKeyIdHeaderValue(jwsKid);
                }
                jwsHeaders.forEach(jws::setHeader);
                if (jwkHeader != null) {
                    jws.setJwkHeader(jwkHeader);
                }
                jws.setKey(jwsKey);
                jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
                jws.setDoKeyValidation(false);
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        public String build() {
            String inner = this.inner != null ? this.inner : signed ? jws() : claimsJson();
            if (!encrypted) {
                return inner;
            }
            try {
                JsonWebEncryption jwe = new JsonWebEncryption();
                jwe.setPayload(inner);
                jwe.setAlgorithmHeaderValue(jweAlg);
                jwe.setEncryptionMethodHeaderParameter(enc);
                if (jweKid != null) {
                    jwe.setKeyIdHeaderValue(jweKid);
                }
                if (cty != null) {
                    jwe.setContentTypeHeaderValue(cty);
                }
                if (zip) {
                    jwe.enableDefaultCompression();
                }
                jweHeaders.forEach(jwe::setHeader);
                jwe.setKey(jweKey);
                jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
                jwe.setContentEncryptionAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
                jwe.setDoKeyValidation(false);
                return jwe.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------- tampering helpers

    public static String[] segments(String token) {
        return token.split("\\.", -1);
    }

    public static String join(String... parts) {
        return String.join(".", parts);
    }

    /** Changes one base64url character in the middle of segment {@code index}. */
    public static String flip(String token, int index) {
        String[] p = segments(token);
        char[] c = p[index].toCharArray();
        int i = c.length / 2;
        c[i] = c[i] == 'A' ? 'B' : 'A';
        p[index] = new String(c);
        return join(p);
    }

    public static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String unb64(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    /** A five-segment token with this header and random-looking but well-formed other segments. */
    public static String craftedJwe(String headerJson) {
        List<String> parts = new ArrayList<>();
        parts.add(b64(headerJson));
        parts.add(b64("x".repeat(256)));
        parts.add(b64("0123456789abcdef"));
        parts.add(b64("ciphertext-ciphertext-ciphertext"));
        parts.add(b64("tag-tag-tag-tag!"));
        return String.join(".", parts);
    }
}
