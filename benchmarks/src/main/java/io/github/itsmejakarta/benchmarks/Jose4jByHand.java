package io.github.itsmejakarta.benchmarks;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

import io.github.itsmejakarta.core.ItsmeDefaults;
import io.github.itsmejakarta.core.testing.TokenFixture;

import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Path (c): jose4j's {@link JwtConsumer} configured by hand the way a developer reading jose4j's documentation would:
 * the RP's decryption key, itsme's verification key, algorithm allow-lists, expected issuer and audience, required
 * {@code exp}/{@code iat}/{@code sub}, the {@code iat} window, then the nonce compared after processing (it changes per
 * login, the consumer does not). Built once; thread-safe as {@link JwtConsumer} is.
 */
public final class Jose4jByHand {

    private final JwtConsumer consumer;

    public Jose4jByHand(PrivateKey rpEncryptionKey, PublicKey itsmeSigningKey) {
        int skew = (int) ItsmeDefaults.CLOCK_SKEW.toSeconds();
        consumer = new JwtConsumerBuilder()
                .setDecryptionKey(rpEncryptionKey)
                .setVerificationKey(itsmeSigningKey)
                .setEnableRequireEncryption()
                .setEnableRequireIntegrity()
                .setJweAlgorithmConstraints(ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.RSA_OAEP_256)
                .setJweContentEncryptionAlgorithmConstraints(ConstraintType.PERMIT,
                        ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256)
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(TokenFixture.ISSUER)
                .setExpectedAudience(TokenFixture.CLIENT_ID)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                // jose4j adds the clock skew to both bounds itself
                .setIssuedAtRestrictions(0, (int) ItsmeDefaults.MAX_TOKEN_AGE.toSeconds())
                .setAllowedClockSkewInSeconds(skew)
                .setEvaluationTime(NumericDate.fromSeconds(TokenFixture.NOW.getEpochSecond()))
                .build();
    }

    public JwtClaims process(String token, String expectedNonce) throws InvalidJwtException, MalformedClaimException {
        JwtClaims claims = consumer.processToClaims(token);
        if (!expectedNonce.equals(claims.getStringClaimValue("nonce"))) {
            throw new InvalidJwtException("nonce mismatch", List.of(), null);
        }
        return claims;
    }
}
