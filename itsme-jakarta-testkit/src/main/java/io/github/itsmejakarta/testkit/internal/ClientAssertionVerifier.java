package io.github.itsmejakarta.testkit.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Authenticates the client at the token endpoint with {@code private_key_jwt} (OIDC Core 9, RFC 7523 section 3,
 * itsme-protocol.md "Token endpoint"): an RS256 JWS (optionally nested in a JWE to the simulator) whose {@code kid}
 * names a {@code use=sig} key of the client, {@code iss} = {@code sub} = client id, {@code aud} = the token endpoint
 * URL (itsme documents no other; the issuer, which RFC 7523 3 would allow, only in the lenient mode
 * {@link io.github.itsmejakarta.testkit.Leniency#ISSUER_AS_ASSERTION_AUDIENCE}), {@code exp} in the future and at most
 * 5 minutes ahead, {@code jti} never seen before; a nested assertion uses an advertised {@code enc}. A clock skew of
 * {@value #CLOCK_SKEW_SECONDS} s is tolerated. Thread-safe.
 */
public final class ClientAssertionVerifier {

    /** The type parameter value of RFC 7523. */
    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    public static final long CLOCK_SKEW_SECONDS = 30;
    private static final long MAX_LIFETIME_SECONDS = 300;

    /** A failed check, with the itsme error code and a safe detail. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String error;

        Failure(String error, String detail) {
            super(detail);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    private final String issuer;
    private final String tokenEndpoint;
    private final Clients clients;
    private final SimulatorKeys keys;
    private final Clock clock;
    private final ExpiringStore<Boolean> seenJtis;
    private final boolean issuerAudienceAllowed;
    private final org.jose4j.jwa.AlgorithmConstraints encs;

    public ClientAssertionVerifier(String issuer, String tokenEndpoint, Clients clients, SimulatorKeys keys,
            Clock clock, boolean issuerAudienceAllowed, List<String> advertisedEncs) {
        this.issuerAudienceAllowed = issuerAudienceAllowed;
        this.encs = IncomingJwt.contentEncryptions(advertisedEncs);
        this.issuer = issuer;
        this.tokenEndpoint = tokenEndpoint;
        this.clients = clients;
        this.keys = keys;
        this.clock = clock;
        this.seenJtis = new ExpiringStore<>(clock, java.time.Duration.ofSeconds(MAX_LIFETIME_SECONDS
                + 2 * CLOCK_SKEW_SECONDS));
    }

    /** Verifies an assertion and returns the authenticated client. */
    public Clients.Registered verify(String assertion) throws Failure {
        String jws = assertion;
        Clients.Registered[] found = new Clients.Registered[1];
        Map<String, Object> claims;
        try {
            if (IncomingJwt.segments(assertion) == 5) {
                jws = IncomingJwt.decrypt(assertion, keys.encryptionKey(), encs);
            }
            claims = IncomingJwt.verify(jws, (kid, unverified) -> {
                Object iss = unverified.get("iss");
                Clients.Registered client = clients.find(iss instanceof String s ? s : null)
                        .orElseThrow(() -> new IncomingJwt.Rejected("UNKNOWN_CLIENT"));
                found[0] = client;
                try {
                    return client.keys().signatureKey(kid);
                } catch (ClientKeyException e) {
                    throw new IncomingJwt.Rejected(e.getMessage());
                }
            });
        } catch (IncomingJwt.Rejected e) {
            if ("UNKNOWN_CLIENT".equals(e.getMessage())) {
                throw new Failure("invalid_client", "the client assertion's iss is not a registered client");
            }
            throw new Failure("unauthorized_client", "client assertion rejected: " + e.getMessage());
        }
        Clients.Registered client = found[0];
        String clientId = client.client().clientId();
        if (!clientId.equals(claims.get("sub"))) {
            throw new Failure("unauthorized_client", "client assertion: sub must equal iss (the client id)");
        }
        Object aud = claims.get("aud");
        List<?> audiences = aud instanceof List<?> list ? list : aud == null ? List.of() : List.of(aud);
        if (!audiences.contains(tokenEndpoint) && !(issuerAudienceAllowed && audiences.contains(issuer))) {
            throw new Failure("unauthorized_client", "client assertion: aud must be the token endpoint "
                    + tokenEndpoint + (audiences.contains(issuer)
                            ? " (itsme documents no other audience; the issuer is accepted only by a lenient "
                                    + "simulator)"
                            : ""));
        }
        long now = clock.instant().getEpochSecond();
        if (!(claims.get("exp") instanceof Number exp)) {
            throw new Failure("unauthorized_client", "client assertion: exp is missing");
        }
        if (exp.longValue() + CLOCK_SKEW_SECONDS <= now) {
            throw new Failure("unauthorized_client", "client assertion: expired");
        }
        if (exp.longValue() > now + MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
            throw new Failure("unauthorized_client", "client assertion: exp is more than 5 minutes ahead");
        }
        Object iat = claims.get("iat");
        if (iat != null && (!(iat instanceof Number n) || n.longValue() > now + CLOCK_SKEW_SECONDS)) {
            throw new Failure("unauthorized_client", "client assertion: iat is in the future");
        }
        if (!(claims.get("jti") instanceof String jti) || jti.isEmpty() || jti.length() > 255) {
            throw new Failure("unauthorized_client", "client assertion: jti must be a string of 1 to 255 chars");
        }
        String replayKey = clientId + "\n" + jti;
        synchronized (seenJtis) {
            if (seenJtis.get(replayKey).isPresent()) {
                throw new Failure("unauthorized_client", "client assertion: jti was already used");
            }
            seenJtis.put(replayKey, Boolean.TRUE);
        }
        return client;
    }
}
