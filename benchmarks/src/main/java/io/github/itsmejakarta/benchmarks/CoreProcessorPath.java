package io.github.itsmejakarta.benchmarks;

import java.time.Duration;
import java.util.List;

import io.github.itsmejakarta.core.ItsmeDefaults;
import io.github.itsmejakarta.core.testing.TokenFixture;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.internal.jose.ItsmeJwks;
import io.github.itsmejakarta.core.internal.jose.ItsmeTokenProcessor;
import io.github.itsmejakarta.core.internal.jose.TokenPolicy;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;

/**
 * Path (b): itsme-jakarta-core's {@link ItsmeTokenProcessor} as {@code ItsmeClient} builds it: the RP's key file,
 * itsme's JWKS from a fetcher (here answering the prepared JWKS without network), the production policy (both JWE
 * algorithms, A128CBC-HS256 as discovery advertises it, the default skew and maximum age) with the fixed clock.
 * Decrypts, verifies, validates and normalises the claims into an {@link ItsmeIdentity}. Built once; thread-safe as the
 * processor is.
 */
public final class CoreProcessorPath {

    private final ItsmeTokenProcessor processor;

    public CoreProcessorPath() throws ItsmeException {
        RelyingPartyKeys keys = RelyingPartyKeys.fromJwks(TokenFixture.RP_KEYS.privateJwkSetJson());
        String itsmeJwksJson = TokenFixture.itsmeJwks();
        ItsmeJwks jwks = new ItsmeJwks(() -> itsmeJwksJson, TokenFixture.FIXED_CLOCK, Duration.ofSeconds(30));
        jwks.preload();
        TokenPolicy policy = new TokenPolicy(TokenFixture.ISSUER, TokenFixture.CLIENT_ID,
                TokenPolicy.SUPPORTED_JWE_ALGORITHMS,
                TokenPolicy.contentEncryptionsFrom(List.of("A128CBC-HS256")),
                ItsmeDefaults.CLOCK_SKEW, ItsmeDefaults.MAX_TOKEN_AGE, TokenFixture.FIXED_CLOCK,
                TokenPolicy.DEFAULT_MAX_TOKEN_BYTES);
        processor = new ItsmeTokenProcessor(keys, jwks, policy);
    }

    public ItsmeIdentity process(String token, String expectedNonce) throws ItsmeException {
        return processor.processIdToken(token, expectedNonce, Acr.BASIC);
    }
}
