package io.github.itsmejakarta.core;

import java.time.Duration;
import java.util.Optional;

/**
 * The one place for every default and every limit of the client's settings. {@link ItsmeClientBuilder} starts from
 * these values and checks against these limits; the Jakarta integration resolves its configuration keys with the same
 * constants and the same checks, so that the two can never disagree.
 *
 * <p>Stateless and thread-safe.
 */
public final class ItsmeDefaults {
    /** How long to wait for a connection to itsme: 5 s. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long to wait for itsme's complete answer once connected: 10 s. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** The largest connect or read timeout: 2 minutes (a browser gives up long before). */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    /**
     * The tolerated clock difference with itsme for {@code exp} and {@code iat} (OIDC Core 3.1.3.7 steps 9 and 10 leave
     * it to the client): 30 s.
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** The largest tolerated clock difference: 5 minutes. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** How old an ID token's {@code iat} may be (OIDC Core 3.1.3.7 step 10): 10 minutes. */
    public static final Duration MAX_TOKEN_AGE = Duration.ofMinutes(10);
    /** The largest accepted {@link #MAX_TOKEN_AGE} setting: 1 hour. */
    public static final Duration MAX_TOKEN_AGE_LIMIT = Duration.ofHours(1);
    /** How long a login may take between the authorization request and the callback: 10 minutes. */
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    /** The longest accepted login: 1 hour. */
    public static final Duration MAX_PENDING_LIFETIME = Duration.ofHours(1);
    /** The bound on the size of any answer from itsme: 256 KiB. */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;
    /** The smallest accepted bound on an answer's size: 1 KiB. */
    public static final int MIN_RESPONSE_BYTES = 1024;
    /**
     * How long after a fetch of itsme's JWK set an unknown signing {@code kid} may trigger the next fetch (OIDC Core
     * 10.1.1 key rollover; a flood of unknown kids costs at most one fetch per interval, and an unknown kid inside it is
     * refused and logged as ITSME-1130): 30 s.
     */
    public static final Duration JWKS_REFETCH_INTERVAL = Duration.ofSeconds(30);
    /** The shortest accepted {@link #JWKS_REFETCH_INTERVAL}: 1 s (shorter would let a flood of kids drive fetches). */
    public static final Duration MIN_JWKS_REFETCH_INTERVAL = Duration.ofSeconds(1);
    /** The longest accepted {@link #JWKS_REFETCH_INTERVAL}: 1 hour (longer would keep a rotation out that long). */
    public static final Duration MAX_JWKS_REFETCH_INTERVAL = Duration.ofHours(1);
    /**
     * How long a failed read of itsme's discovery document is remembered: 10 s. Logins in that time fail at once
     * (ITSME-1104) instead of each waiting out the timeouts while itsme is down; the first one after it tries again.
     */
    public static final Duration DISCOVERY_FAILURE_MEMORY = Duration.ofSeconds(10);
    /** The longest accepted {@link #DISCOVERY_FAILURE_MEMORY} setting: 5 minutes. */
    public static final Duration MAX_DISCOVERY_FAILURE_MEMORY = Duration.ofMinutes(5);

    private ItsmeDefaults() {
    }

    /** Why a connect or read timeout is refused (positive, at most {@link #MAX_TIMEOUT}), if it is. */
    public static Optional<String> timeoutProblem(Duration timeout) {
        return durationProblem(timeout, false, MAX_TIMEOUT);
    }

    /** Why a clock skew is refused (0 to {@link #MAX_CLOCK_SKEW}), if it is. */
    public static Optional<String> clockSkewProblem(Duration skew) {
        return durationProblem(skew, true, MAX_CLOCK_SKEW);
    }

    /** Why a maximum token age is refused (positive, at most {@link #MAX_TOKEN_AGE_LIMIT}), if it is. */
    public static Optional<String> maxTokenAgeProblem(Duration age) {
        return durationProblem(age, false, MAX_TOKEN_AGE_LIMIT);
    }

    /** Why a login's lifetime is refused (positive, at most {@link #MAX_PENDING_LIFETIME}), if it is. */
    public static Optional<String> pendingLifetimeProblem(Duration lifetime) {
        return durationProblem(lifetime, false, MAX_PENDING_LIFETIME);
    }

    /** Why a JWK set refetch interval is refused (1 s to {@link #MAX_JWKS_REFETCH_INTERVAL}), if it is. */
    public static Optional<String> jwksRefetchIntervalProblem(Duration interval) {
        Optional<String> problem = durationProblem(interval, false, MAX_JWKS_REFETCH_INTERVAL);
        if (problem.isEmpty() && interval.compareTo(MIN_JWKS_REFETCH_INTERVAL) < 0) {
            return Optional.of(interval + " is shorter than " + MIN_JWKS_REFETCH_INTERVAL);
        }
        return problem;
    }

    /** Why a discovery failure memory is refused (0 to {@link #MAX_DISCOVERY_FAILURE_MEMORY}), if it is. */
    public static Optional<String> discoveryFailureMemoryProblem(Duration memory) {
        return durationProblem(memory, true, MAX_DISCOVERY_FAILURE_MEMORY);
    }

    /** Why a bound on an answer's size is refused (at least {@link #MIN_RESPONSE_BYTES}), if it is. */
    public static Optional<String> maxResponseBytesProblem(int bytes) {
        return bytes < MIN_RESPONSE_BYTES ? Optional.of("at least " + MIN_RESPONSE_BYTES) : Optional.empty();
    }

    private static Optional<String> durationProblem(Duration d, boolean zeroAllowed, Duration max) {
        if (d == null) {
            return Optional.of("missing");
        }
        if (d.isNegative() || (!zeroAllowed && d.isZero()) || d.compareTo(max) > 0) {
            return Optional.of(d + " is outside " + (zeroAllowed ? "0" : "0 (excl.)") + " to " + max);
        }
        return Optional.empty();
    }
}
