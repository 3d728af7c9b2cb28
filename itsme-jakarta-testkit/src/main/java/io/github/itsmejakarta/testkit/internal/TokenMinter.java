package io.github.itsmejakarta.testkit.internal;

import io.smallrye.jwt.algorithm.ContentEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.KeyEncryptionAlgorithm;
import io.smallrye.jwt.build.Jwt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Mints itsme's nested tokens (ID token, userinfo): a JWS (RS256, {@code kid}) inside a JWE ({@code cty: JWT},
 * {@code kid} of the RP's encryption key). Untouched tokens are minted with smallrye-jwt-build; a token a test asked
 * to alter is assembled by hand (header JSON, signature bytes) and encrypted with jose4j without algorithm or key
 * checks, because the point is to produce tokens no careful library would. Thread-safe.
 */
public final class TokenMinter {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimulatorKeys keys;
    private final String jweAlgorithm;
    private final String contentEncryption;

    public TokenMinter(SimulatorKeys keys, String jweAlgorithm, String contentEncryption) {
        this.keys = keys;
        this.jweAlgorithm = jweAlgorithm;
        this.contentEncryption = contentEncryption;
    }

    /**
     * Mints a token for the RP.
     *
     * @param claims the claims
     * @param rpKey the RP's {@code use=enc} key
     * @param alteration a test's changes, or null
     */
    public String mint(Map<String, Object> claims, RsaJsonWebKey rpKey, Consumer<TokenAlterationSpec> alteration) {
        if (alteration == null) {
            return mintFaithfully(claims, rpKey);
        }
        TokenAlterationSpec spec = new TokenAlterationSpec(claims);
        alteration.accept(spec);
        return mintAltered(spec, rpKey);
    }

    private String mintFaithfully(Map<String, Object> claims, RsaJsonWebKey rpKey) {
        RsaJsonWebKey signing = keys.activeSigningKey();
        return Jwt.claims(claims)
                .jws()
                .keyId(signing.getKeyId())
                .innerSign(signing.getRsaPrivateKey())
                .keyAlgorithm(KeyEncryptionAlgorithm.fromAlgorithm(jweAlgorithm))
                .contentAlgorithm(ContentEncryptionAlgorithm.fromAlgorithm(contentEncryption))
                .keyId(rpKey.getKeyId())
                .encrypt(rpKey.getPublicKey());
    }

    private String mintAltered(TokenAlterationSpec spec, RsaJsonWebKey rpKey) {
        if (spec.rawToken != null) {
            return spec.rawToken;
        }
        String payload = JsonUtil.toJson(spec.claims);
        String inner = spec.unsigned ? payload : sign(spec, payload);
        if (spec.noEncryption) {
            return inner;
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", spec.jweAlgorithm != null ? spec.jweAlgorithm : jweAlgorithm);
        header.put("enc", spec.contentEncryption != null ? spec.contentEncryption : contentEncryption);
        String kid = spec.jweKeyIdSet ? spec.jweKeyId : rpKey.getKeyId();
        if (kid != null) {
            header.put("kid", kid);
        }
        if (!spec.unsigned) {
            header.put("cty", "JWT");
        }
        apply(header, spec.jweHeaders);
        String jwe = encrypt(header, inner, rpKey);
        return spec.corruptedJweSegments.isEmpty() ? jwe : corruptJwe(jwe, spec.corruptedJweSegments);
    }

    private static String corruptJwe(String jwe, java.util.Set<Integer> segments) {
        String[] parts = jwe.split("\\.", -1);
        for (int index : segments) {
            if (index == 0) {
                // still valid JSON, but no longer the header the tag was computed over
                Map<String, Object> header;
                try {
                    header = new LinkedHashMap<>(JsonUtil.parseJson(new String(B64D.decode(parts[0]),
                            StandardCharsets.UTF_8)));
                } catch (JoseException e) {
                    throw new IllegalStateException("the JWE header just written is not JSON", e);
                }
                header.put("x-tampered", true);
                parts[0] = B64.encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8));
            } else {
                parts[index] = B64.encodeToString(corrupt(B64D.decode(parts[index])));
            }
        }
        return String.join(".", parts);
    }

    private String sign(TokenAlterationSpec spec, String payload) {
        RsaJsonWebKey active = keys.activeSigningKey();
        String alg = spec.signatureAlgorithm != null ? spec.signatureAlgorithm : "RS256";
        PrivateKey key = spec.signingKey != null ? spec.signingKey : active.getPrivateKey();
        String kid = spec.signingKey != null ? spec.signingKeyId : active.getKeyId();
        Map<String, Object> header = new LinkedHashMap<>();
        if (kid != null) {
            header.put("kid", kid);
        }
        header.put("typ", "JWT");
        header.put("alg", alg);
        apply(header, spec.jwsHeaders);
        String signingInput = B64.encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        byte[] signature = signature(alg, key, active, signingInput.getBytes(StandardCharsets.US_ASCII));
        if (spec.corruptSignature) {
            signature = corrupt(signature);
        }
        return signingInput + "." + B64.encodeToString(signature);
    }

    private static byte[] signature(String alg, PrivateKey key, RsaJsonWebKey active, byte[] input) {
        try {
            switch (alg) {
                case "none" :
                    return new byte[0];
                case "HS256", "HS384", "HS512" : {
                    // the classic algorithm-confusion attack: HMAC keyed with public material of the RSA key
                    String mac = "Hmac" + "SHA" + alg.substring(2);
                    byte[] secret = unsigned(active.getRsaPublicKey().getModulus());
                    Mac hmac = Mac.getInstance(mac);
                    hmac.init(new SecretKeySpec(secret, mac));
                    return hmac.doFinal(input);
                }
                case "RS256", "RS384", "RS512" : {
                    Signature rsa = Signature.getInstance("SHA" + alg.substring(2) + "withRSA");
                    rsa.initSign(key);
                    rsa.update(input);
                    return rsa.sign();
                }
                case "PS256", "PS384", "PS512" : {
                    String hash = "SHA-" + alg.substring(2);
                    int saltLength = Integer.parseInt(alg.substring(2)) / 8;
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
                    pss.initSign(key);
                    pss.update(input);
                    return pss.sign();
                }
                default :
                    if (alg.startsWith("ES") && key instanceof ECPrivateKey) {
                        return ecdsa(alg, key, input);
                    }
                    // an algorithm this key cannot do: a well-formed but meaningless signature
                    byte[] random = new byte[256];
                    RANDOM.nextBytes(random);
                    return random;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("cannot sign with " + alg, e);
        }
    }

    private static byte[] ecdsa(String alg, PrivateKey key, byte[] input) throws GeneralSecurityException {
        // JWS wants R || S (RFC 7518 3.4), which is the JDK's P1363 format
        Signature ecdsa = Signature.getInstance("SHA" + alg.substring(2) + "withECDSAinP1363Format");
        ecdsa.initSign(key);
        ecdsa.update(input);
        return ecdsa.sign();
    }

    private static byte[] corrupt(byte[] signature) {
        if (signature.length == 0) {
            byte[] junk = new byte[32];
            RANDOM.nextBytes(junk);
            return junk;
        }
        byte[] copy = Arrays.copyOf(signature, signature.length);
        copy[copy.length / 2] ^= 0x5A;
        return copy;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void apply(Map<String, Object> header, Map<String, Object> changes) {
        changes.forEach((k, v) -> {
            if (v == null) {
                header.remove(k);
            } else {
                header.put(k, v);
            }
        });
    }

    private static String encrypt(Map<String, Object> header, String payload, RsaJsonWebKey rpKey) {
        try {
            return encryptAsDeclared(header, payload, rpKey);
        } catch (JoseException | RuntimeException e) {
            // The header names an algorithm the RP's RSA key cannot serve (dir, A128KW, PBES2...): encrypt for
            // real with RSA-OAEP-256 and put the requested header in front. A careful RP rejects it on alg alone.
            Map<String, Object> real = new LinkedHashMap<>(header);
            real.put("alg", "RSA-OAEP-256");
            real.put("enc", "A128CBC-HS256");
            real.remove("zip");
            try {
                String compact = encryptAsDeclared(real, payload, rpKey);
                String declared = B64.encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8));
                return declared + compact.substring(compact.indexOf('.'));
            } catch (JoseException again) {
                throw new IllegalStateException("cannot encrypt the altered token", again);
            }
        }
    }

    private static String encryptAsDeclared(Map<String, Object> header, String payload, RsaJsonWebKey rpKey)
            throws JoseException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.getHeaders().setFullHeaderAsJsonString(JsonUtil.toJson(header));
        jwe.setPayload(payload);
        jwe.setKey(rpKey.getPublicKey());
        jwe.setDoKeyValidation(false);
        jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jwe.setContentEncryptionAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return jwe.getCompactSerialization();
    }
}
