package io.github.itsmejakarta.benchmarks;

import io.github.itsmejakarta.core.ItsmeDefaults;
import io.github.itsmejakarta.core.testing.TokenFixture;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWEDecryptionKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Path (d): Nimbus JOSE+JWT's {@link DefaultJWTProcessor} configured by hand: a {@link JWEDecryptionKeySelector} over
 * the RP's encryption JWK, a {@link JWSVerificationKeySelector} over itsme's JWKS (both {@link ImmutableJWKSet}), and
 * a {@link DefaultJWTClaimsVerifier} for issuer, audience, required claims and {@code exp}, extended with the
 * {@code iat} window Nimbus does not check and a fixed clock. The nonce is compared after processing. Built once;
 * thread-safe as {@link DefaultJWTProcessor} is once configured.
 */
public final class NimbusByHand {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public NimbusByHand(String rpEncryptionPrivateJwkJson, String itsmePublicJwksJson) throws ParseException {
        processor.setJWEKeySelector(new JWEDecryptionKeySelector<>(JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A128CBC_HS256,
                new ImmutableJWKSet<>(new JWKSet(JWK.parse(rpEncryptionPrivateJwkJson)))));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(itsmePublicJwksJson))));
        IatAwareVerifier verifier = new IatAwareVerifier(TokenFixture.FIXED_CLOCK);
        verifier.setMaxClockSkew((int) ItsmeDefaults.CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
    }

    public JWTClaimsSet process(String token, String expectedNonce)
            throws ParseException, BadJOSEException, JOSEException {
        JWTClaimsSet claims = processor.process(token, null);
        if (!expectedNonce.equals(claims.getStringClaim("nonce"))) {
            throw new BadJWTException("nonce mismatch");
        }
        return claims;
    }

    /** Nimbus checks {@code exp}/{@code nbf} only; itsme's profile also bounds {@code iat}. */
    private static final class IatAwareVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
        private final Clock clock;

        IatAwareVerifier(Clock clock) {
            super(TokenFixture.CLIENT_ID, new JWTClaimsSet.Builder().issuer(TokenFixture.ISSUER).build(),
                    Set.of("sub", "exp", "iat", "nonce"));
            this.clock = clock;
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            long iat = claims.getIssueTime().getTime() / 1000;
            long now = clock.instant().getEpochSecond();
            if (iat > now + getMaxClockSkew()) {
                throw new BadJWTException("iat in the future");
            }
            if (iat < now - ItsmeDefaults.MAX_TOKEN_AGE.toSeconds() - getMaxClockSkew()) {
                throw new BadJWTException("token too old");
            }
        }
    }
}
