package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.ItsmeDefaults;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a token from itsme must satisfy, fixed once per client.
 *
 * <ul>
 * <li>{@code issuer}: the exact {@code iss} (OIDC Core 3.1.3.7 step 2; no trailing-slash folding).</li>
 * <li>{@code clientId}: must be in {@code aud} (step 3).</li>
 * <li>{@code allowedJweAlgorithms}: a non-empty subset of {@link #SUPPORTED_JWE_ALGORITHMS} (itsme's JOSE page: RSA-OAEP-256,
 * older deployments RSA-OAEP; RSA1_5 is refused for its padding oracle, RFC 8725 3.2).</li>
 * <li>{@code allowedContentEncryptions}: a non-empty subset of {@link #SUPPORTED_CONTENT_ENCRYPTIONS}, normally those
 * discovery advertises ({@link #contentEncryptionsFrom(Collection)}).</li>
 * <li>{@code clockSkew}: tolerated clock difference for {@code exp} and {@code iat}, at most
 * {@link ItsmeDefaults#MAX_CLOCK_SKEW}.</li>
 * <li>{@code maxTokenAge}: how old {@code iat} may be (step 10).</li>
 * <li>{@code clock}: the time source.</li>
 * <li>{@code maxTokenBytes}: the largest compact token accepted, checked before any crypto (RFC 8725 3.1 spirit: bound the
 * work an unauthenticated input can cause).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public record TokenPolicy(String issuer, String clientId, Set<String> allowedJweAlgorithms,
        Set<String> allowedContentEncryptions, Duration clockSkew, Duration maxTokenAge, Clock clock,
        int maxTokenBytes) {

    public static final Set<String> SUPPORTED_JWE_ALGORITHMS = Set.of("RSA-OAEP-256", "RSA-OAEP");
    public static final Set<String> SUPPORTED_CONTENT_ENCRYPTIONS = Set.of("A128CBC-HS256", "A256CBC-HS512",
            "A128GCM", "A256GCM");
    public static final int DEFAULT_MAX_TOKEN_BYTES = 64 * 1024;

    public TokenPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxTokenAge, "maxTokenAge");
        allowedJweAlgorithms = Set.copyOf(allowedJweAlgorithms);
        allowedContentEncryptions = Set.copyOf(allowedContentEncryptions);
        if (allowedJweAlgorithms.isEmpty() || !SUPPORTED_JWE_ALGORITHMS.containsAll(allowedJweAlgorithms)) {
            throw new IllegalArgumentException("allowedJweAlgorithms must be a non-empty subset of "
                    + SUPPORTED_JWE_ALGORITHMS);
        }
        if (allowedContentEncryptions.isEmpty()
                || !SUPPORTED_CONTENT_ENCRYPTIONS.containsAll(allowedContentEncryptions)) {
            throw new IllegalArgumentException("allowedContentEncryptions must be a non-empty subset of "
                    + SUPPORTED_CONTENT_ENCRYPTIONS);
        }
        ItsmeDefaults.clockSkewProblem(clockSkew).ifPresent(problem -> {
            throw new IllegalArgumentException("clockSkew: " + problem);
        });
        if (maxTokenAge.isNegative() || maxTokenAge.isZero()) {
            throw new IllegalArgumentException("maxTokenAge must be positive");
        }
        if (maxTokenBytes < 1024) {
            throw new IllegalArgumentException("maxTokenBytes must be at least 1024");
        }
    }

    /**
     * Both JWE algorithms, all four content encryptions, the client's default skew and token age
     * ({@link ItsmeDefaults#CLOCK_SKEW}, {@link ItsmeDefaults#MAX_TOKEN_AGE}: the processor has no defaults of its own),
     * the default size, the system UTC clock.
     */
    public static TokenPolicy defaults(String issuer, String clientId) {
        return new TokenPolicy(issuer, clientId, SUPPORTED_JWE_ALGORITHMS, SUPPORTED_CONTENT_ENCRYPTIONS,
                ItsmeDefaults.CLOCK_SKEW, ItsmeDefaults.MAX_TOKEN_AGE, Clock.systemUTC(), DEFAULT_MAX_TOKEN_BYTES);
    }

    /**
     * The content encryptions to allow given what discovery advertises ({@code id_token_encryption_enc_values_supported}):
     * the intersection with {@link #SUPPORTED_CONTENT_ENCRYPTIONS}; all four when discovery lists none.
     */
    public static Set<String> contentEncryptionsFrom(Collection<String> advertised) {
        if (advertised == null || advertised.isEmpty()) {
            return SUPPORTED_CONTENT_ENCRYPTIONS;
        }
        Set<String> out = new LinkedHashSet<>(advertised);
        out.retainAll(SUPPORTED_CONTENT_ENCRYPTIONS);
        return Set.copyOf(out);
    }

    /** The same policy with another clock (tests, simulators). */
    public TokenPolicy withClock(Clock newClock) {
        return new TokenPolicy(issuer, clientId, allowedJweAlgorithms, allowedContentEncryptions, clockSkew,
                maxTokenAge, newClock, maxTokenBytes);
    }
}
