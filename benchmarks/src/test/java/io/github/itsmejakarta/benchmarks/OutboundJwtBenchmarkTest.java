package io.github.itsmejakarta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;

import javax.crypto.Cipher;

import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import io.github.itsmejakarta.core.testing.TokenFixture;

/**
 * Runs every {@link OutboundJwtBenchmark} method once outside JMH and checks, with jose4j as the other side, that what
 * it makes is what itsme would accept, so that the benchmark never times a broken minting path.
 */
@TestInstance(Lifecycle.PER_CLASS)
class OutboundJwtBenchmarkTest {

    private final OutboundJwtBenchmark bench = new OutboundJwtBenchmark();

    @BeforeAll
    void setUp() throws Exception {
        bench.setUp();
    }

    private static PublicKey rpSigningPublicKey() {
        return TokenFixture.rpPublicKey(TokenFixture.RP_KEYS, TokenFixture.RP_KEYS.activeSigningKey().kid());
    }

    private JwtConsumer itsmeSide(String audience) {
        return new JwtConsumerBuilder().setVerificationKey(rpSigningPublicKey())
                .setDecryptionKey(TokenFixture.ITSME_ENC.getPrivateKey())
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, "RS256")
                .setExpectedIssuer(TokenFixture.CLIENT_ID).setExpectedAudience(audience).setRequireJwtId()
                .setRequireExpirationTime().setRequireIssuedAt()
                .setEvaluationTime(NumericDate.fromSeconds(TokenFixture.NOW.getEpochSecond())).build();
    }

    @Test
    void clientAssertionIsAValidPrivateKeyJwtSignedWithTheRpKey() throws Exception {
        String assertion = bench.clientAssertion_core();
        JwtClaims claims = itsmeSide(OutboundJwtBenchmark.TOKEN_ENDPOINT).processToClaims(assertion);
        assertThat(claims.getSubject()).isEqualTo(TokenFixture.CLIENT_ID);
        assertThat(claims.getExpirationTime().getValue() - TokenFixture.NOW.getEpochSecond()).isBetween(1L, 300L);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(assertion);
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(TokenFixture.RP_KEYS.activeSigningKey().kid());
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
    }

    @Test
    void clientAssertionWithACorruptedSignatureIsRejectedByTheOtherSide() {
        String assertion = bench.clientAssertion_core();
        String forgedAssertion = TokenFixture.flip(assertion, 2);
        assertThatThrownBy(() -> itsmeSide(OutboundJwtBenchmark.TOKEN_ENDPOINT).processToClaims(forgedAssertion))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void requestObjectIsSignedThenEncryptedToItsme() throws Exception {
        String requestObject = bench.requestObject_core();
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setCompactSerialization(requestObject);
        assertThat(jwe.getAlgorithmHeaderValue()).isEqualTo("RSA-OAEP-256");
        assertThat(jwe.getEncryptionMethodHeaderParameter()).isEqualTo("A128CBC-HS256");
        assertThat(jwe.getKeyIdHeaderValue()).isEqualTo(TokenFixture.ITSME_ENC.getKeyId());
        JwtClaims claims = itsmeSide(TokenFixture.ISSUER).processToClaims(requestObject);
        assertThat(claims.getStringClaimValue("nonce")).isEqualTo(TokenFixture.NONCE);
        assertThat(claims.getStringClaimValue("scope"))
                .isEqualTo("openid service:SHARE_CODE profile email address eid");
        @SuppressWarnings("unchecked")
        Map<String, Object> idTokenClaims = (Map<String, Object>) claims.getClaimValue("claims", Map.class)
                .get("id_token");
        assertThat(idTokenClaims).containsEntry("given_name", null).hasSize(6);
    }

    @Test
    void floorsProduceAVerifiableSignatureAndADecryptableKey() throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(rpSigningPublicKey());
        verifier.update(bench.floorSigningInput);
        assertThat(verifier.verify(bench.clientAssertion_jdkFloor())).isTrue();

        byte[][] signatureAndKey = bench.requestObject_jdkFloor();
        verifier.update(bench.floorSigningInput);
        assertThat(verifier.verify(signatureAndKey[0])).isTrue();
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        oaep.init(Cipher.DECRYPT_MODE, TokenFixture.ITSME_ENC.getPrivateKey(), JdkFloor.RSA_OAEP_256);
        assertThat(oaep.doFinal(signatureAndKey[1])).isEqualTo(bench.floorCek);
    }
}
