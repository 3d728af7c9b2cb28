package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.internal.discovery.ProviderContext;
import io.github.itsmejakarta.core.internal.request.JwtMinter;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The RP's own JWTs, opened with jose4j as itsme would. */
class JwtMinterTest {
    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    private static RelyingPartyKeys keys;
    private static KeyPair itsmeEnc;
    private final JwtMinter minter = new JwtMinter("rp", Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void keys() throws Exception {
        keys = RelyingPartyKeys.generate();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        itsmeEnc = gen.generateKeyPair();
    }

    private static RsaJsonWebKey rpSigningPublic() throws Exception {
        return (RsaJsonWebKey) new JsonWebKeySet(keys.publicJwkSetJson())
                .findJsonWebKey(keys.activeSigningKey().kid(), "RSA", "sig", null);
    }

    private static JwtClaims verify(String jws) throws Exception {
        JsonWebSignature sig = new JsonWebSignature();
        sig.setCompactSerialization(jws);
        assertThat(sig.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(sig.getKeyIdHeaderValue()).isEqualTo(keys.activeSigningKey().kid());
        sig.setKey(rpSigningPublic().getPublicKey());
        assertThat(sig.verifySignature()).isTrue();
        return JwtClaims.parse(sig.getPayload());
    }

    @Test
    @DisplayName("client assertion: RS256 with kid, iss = sub = client_id, aud = token endpoint, unique jti, 2 min")
    void clientAssertion() throws Exception {
        String a = minter.clientAssertion(keys.activeSigningKey(), "https://idp/v2/token");
        JwtClaims c = verify(a);
        assertThat(c.getIssuer()).isEqualTo("rp");
        assertThat(c.getSubject()).isEqualTo("rp");
        assertThat(c.getAudience()).containsExactly("https://idp/v2/token");
        assertThat(c.getIssuedAt().getValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(c.getExpirationTime().getValue()).isEqualTo(NOW.getEpochSecond() + 120);
        assertThat(c.getJwtId()).hasSizeGreaterThanOrEqualTo(43).hasSizeLessThanOrEqualTo(255);
        String b = minter.clientAssertion(keys.activeSigningKey(), "https://idp/v2/token");
        assertThat(verify(b).getJwtId()).isNotEqualTo(c.getJwtId());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RSA-OAEP-256, A128CBC-HS256", "RSA-OAEP, A256GCM", "RSA-OAEP, A256CBC-HS512"})
    @DisplayName("request object: signed by the RP, encrypted to itsme's key (kid, cty JWT), all parameters inside")
    void requestObject(String alg, String enc) throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("state", "s");
        params.put("claims", Map.of("userinfo", Map.of("x", Map.of("essential", true, "value", "v"))));
        String jwe = minter.requestObject(params, "https://idp/v2", NOW.plusSeconds(600), keys.activeSigningKey(),
                itsmeEnc.getPublic(), "itsme-enc-1", alg, enc);
        JsonWebEncryption e = new JsonWebEncryption();
        e.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg));
        e.setCompactSerialization(jwe);
        e.setKey(itsmeEnc.getPrivate());
        assertThat(e.getHeader("enc")).isEqualTo(enc);
        assertThat(e.getKeyIdHeaderValue()).isEqualTo("itsme-enc-1");
        assertThat(e.getContentTypeHeaderValue()).isEqualTo("JWT");
        JwtClaims c = verify(e.getPayload());
        assertThat(c.getIssuer()).isEqualTo("rp");
        assertThat(c.getAudience()).containsExactly("https://idp/v2");
        assertThat(c.getExpirationTime().getValue()).isEqualTo(NOW.getEpochSecond() + 600);
        assertThat(c.getStringClaimValue("state")).isEqualTo("s");
        assertThat(c.getClaimValue("claims")).isInstanceOf(Map.class);
        assertThat(c.toJson()).contains("\"claims\":{\"userinfo\":{\"x\":{");
    }

    private String open(String jwe) throws Exception {
        JsonWebEncryption e = new JsonWebEncryption();
        e.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RSA-OAEP-256"));
        e.setCompactSerialization(jwe);
        e.setKey(itsmeEnc.getPrivate());
        return e.getPayload();
    }

    @Test
    @DisplayName("request object claims: a claim asked without options is a JSON null (OIDC Core 5.5), strings keep "
            + "their characters, lists and numbers their values")
    void requestObjectClaimsRoundTrip() throws Exception {
        Map<String, Object> nameOptions = new LinkedHashMap<>();
        nameOptions.put("essential", true);
        nameOptions.put("value", "quote \" backslash \\ slash / \u00e9t\u00e9 \u20ac tab\t");
        Map<String, Object> idToken = new LinkedHashMap<>();
        idToken.put("given_name", null);
        idToken.put("family_name", nameOptions);
        idToken.put("acr", Map.of("values", java.util.Arrays.asList("a", null, "b")));
        idToken.put("max", 3);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("state", "s\"t");
        params.put("claims", Map.of("id_token", idToken));
        String jwe = minter.requestObject(params, "https://idp/v2", NOW.plusSeconds(600), keys.activeSigningKey(),
                itsmeEnc.getPublic(), "itsme-enc-1", "RSA-OAEP-256", "A128CBC-HS256");
        JwtClaims c = verify(open(jwe));
        assertThat(c.getStringClaimValue("state")).isEqualTo("s\"t");
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) ((Map<String, Object>) c.getClaimValue("claims"))
                .get("id_token");
        assertThat(parsed).containsKey("given_name");
        assertThat(parsed.get("given_name")).isNull();
        assertThat(parsed.get("family_name")).isEqualTo(nameOptions);
        assertThat(parsed.get("acr")).isEqualTo(Map.of("values", java.util.Arrays.asList("a", null, "b")));
        assertThat(((Number) parsed.get("max")).longValue()).isEqualTo(3L);
        assertThat(c.toJson()).contains("\"given_name\":null");
    }

    private static ItsmeProviderMetadata metadata(List<String> roAlg, List<String> roEnc, List<String> idAlg) {
        return new ItsmeProviderMetadata("https://idp/v2", "https://idp/v2/authorization", "https://idp/v2/token",
                null, "https://idp/v2/jwks", null, null, null, null, null, null, null, idAlg, null, null, null, null,
                roAlg, roEnc, null, null);
    }

    @Test
    @DisplayName("request object algorithms: RSA-OAEP-256 when advertised, else RSA-OAEP; enc from discovery")
    void negotiation() throws Exception {
        ProviderContext both = new ProviderContext(metadata(List.of("RSA-OAEP", "RSA-OAEP-256"),
                List.of("A256GCM", "A128CBC-HS256"), null), null, null);
        assertThat(both.requestObjectAlgorithm()).isEqualTo("RSA-OAEP-256");
        assertThat(both.requestObjectEncryption()).isEqualTo("A128CBC-HS256");
        ProviderContext old = new ProviderContext(metadata(List.of("RSA-OAEP"), List.of("A256GCM"), null), null,
                null);
        assertThat(old.requestObjectAlgorithm()).isEqualTo("RSA-OAEP");
        assertThat(old.requestObjectEncryption()).isEqualTo("A256GCM");
        ProviderContext none = new ProviderContext(metadata(null, null, null), null, null);
        assertThat(none.requestObjectEncryption()).isEqualTo("A128CBC-HS256");
        assertThat(ProviderContext.allowedJweAlgorithms(metadata(null, null, List.of("RSA-OAEP", "RSA1_5"))))
                .containsExactly("RSA-OAEP");
        assertThat(ProviderContext.allowedJweAlgorithms(metadata(null, null, null)))
                .containsExactlyInAnyOrder("RSA-OAEP-256", "RSA-OAEP");
    }
}
