package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeDefaults;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeMessage;
import java.lang.System.Logger.Level;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * itsme's public keys, from the {@code jwks_uri} of discovery, turned into JDK key objects once per fetch.
 *
 * <ul>
 * <li>Verification keys: RSA keys with no {@code use} or {@code use: sig} (RFC 7517 4.2) and no {@code alg} or
 * {@code alg: RS256}, of at least 2048 bits. Keys of other types, {@code use: enc} keys and weaker RSA keys are ignored
 * for verification (checklist 29), with a WARNING log line naming the kid.</li>
 * <li>Key rollover (OIDC Core 10.1.1): a token whose {@code kid} is unknown triggers a refetch, at most one per
 * {@code minRefetchInterval} (a setting, {@link ItsmeDefaults#JWKS_REFETCH_INTERVAL} by default), measured with the injected {@link Clock}; a flood of unknown kids
 * costs at most one fetch per interval (checklist 28). Callers asking for a known kid never block; callers asking for
 * unknown kids queue on one lock, so concurrent callers cause one fetch, not one each.</li>
 * <li>Only the kid of the JWS header is used: {@code jwk}, {@code jku}, {@code x5u}, {@code x5c} headers are never
 * looked at (RFC 8725 3.10), so they cannot point the library at another key or make it fetch anything.</li>
 * <li>itsme's {@code use: enc} keys (RSA, at least 2048 bits) are kept apart for encrypting request objects:
 * {@link #encryptionKey()}.</li>
 * </ul>
 *
 * <p>The first fetch happens on first use (or {@link #preload()}); a failed fetch also counts for the interval, so that
 * an unreachable itsme is not hammered.
 *
 * <p>Thread-safe: the current key set is an immutable snapshot behind a volatile reference.
 */
public final class ItsmeJwks {
    private static final int MIN_RSA_BITS = 2048;
    private static final System.Logger LOG = System.getLogger(ItsmeJwks.class.getName());

    /** One of itsme's {@code use: enc} keys. */
    public record EncryptionKey(String kid, RSAPublicKey key) {
    }

    private record Snapshot(Map<String, RSAPublicKey> byKid, List<RSAPublicKey> all, List<EncryptionKey> enc) {
    }

    private final JwksFetcher fetcher;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final Object lock = new Object();
    private volatile Snapshot snapshot;
    private Instant lastFetch; // guarded by lock
    private boolean refusalLogged; // guarded by lock

    public ItsmeJwks(JwksFetcher fetcher, Clock clock, Duration minRefetchInterval) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minRefetchInterval = Objects.requireNonNull(minRefetchInterval, "minRefetchInterval");
        if (minRefetchInterval.isNegative()) {
            throw new IllegalArgumentException("minRefetchInterval must not be negative");
        }
    }

    /** Fetches the set now unless it was already fetched. */
    public void preload() throws ItsmeException {
        current();
    }

    /**
     * The verification key with this kid. When the kid is unknown the set is fetched again, unless the last fetch is
     * less than {@code minRefetchInterval} old.
     *
     * @return the key, or empty when itsme does not publish it (even after a refetch)
     * @throws ItsmeException when a needed fetch fails
     */
    public Optional<RSAPublicKey> verificationKey(String kid) throws ItsmeException {
        if (kid == null) {
            return Optional.empty();
        }
        Snapshot s = snapshot;
        if (s != null) {
            RSAPublicKey key = s.byKid().get(kid);
            if (key != null) {
                return Optional.of(key);
            }
        }
        synchronized (lock) {
            s = snapshot;
            if (s != null) {
                RSAPublicKey key = s.byKid().get(kid);
                if (key != null) {
                    return Optional.of(key); // another caller's refetch brought it
                }
            }
            if (!mayFetch()) {
                if (s == null) {
                    throw unavailable();
                }
                logRefusedRefetch();
                return Optional.empty();
            }
            s = fetchLocked();
            return Optional.ofNullable(s.byKid().get(kid));
        }
    }

    /** Every verification key currently known (fetched on first use, never refetched by this call). */
    public List<RSAPublicKey> verificationKeys() throws ItsmeException {
        return current().all();
    }

    /** itsme's first {@code use: enc} RSA key, to encrypt request objects to. */
    public Optional<EncryptionKey> encryptionKey() throws ItsmeException {
        List<EncryptionKey> enc = current().enc();
        return enc.isEmpty() ? Optional.empty() : Optional.of(enc.get(0));
    }

    /** The kids of the verification keys currently known (no fetch). */
    public List<String> knownKeyIds() {
        Snapshot s = snapshot;
        return s == null ? List.of() : List.copyOf(s.byKid().keySet());
    }

    private Snapshot current() throws ItsmeException {
        Snapshot s = snapshot;
        if (s != null) {
            return s;
        }
        synchronized (lock) {
            s = snapshot;
            if (s != null) {
                return s;
            }
            if (!mayFetch()) {
                throw unavailable();
            }
            return fetchLocked();
        }
    }

    private boolean mayFetch() {
        return lastFetch == null || !clock.instant().isBefore(lastFetch.plus(minRefetchInterval));
    }

    /**
     * Checklist 41: an unknown kid inside the refetch window fails the login like a forged signature would; the log says
     * why, with its own id, once per window (a flood of unknown kids gives one line, not one per token). No token
     * content: the kid comes from an unauthenticated header.
     */
    private void logRefusedRefetch() {
        if (refusalLogged) {
            LOG.log(Level.DEBUG, "Unknown kid inside the JWKS refetch interval: refetch refused again");
            return;
        }
        refusalLogged = true;
        long age = Duration.between(lastFetch, clock.instant()).toSeconds();
        LOG.log(Level.WARNING, ItsmeMessage.JWKS_REFETCH_REFUSED.format(age, minRefetchInterval.toSeconds()));
    }

    private ItsmeCommunicationException unavailable() {
        return new ItsmeCommunicationException(ItsmeMessage.JWKS_UNAVAILABLE,
                "the last attempt failed less than " + minRefetchInterval.toSeconds() + " s ago");
    }

    private Snapshot fetchLocked() throws ItsmeException {
        lastFetch = clock.instant();
        refusalLogged = false;
        Snapshot s = parse(fetcher.fetch());
        snapshot = s;
        return s;
    }

    static Snapshot parse(String json) throws ItsmeCommunicationException {
        Map<String, Object> root;
        try {
            root = json == null ? null : JsonUtil.parseJson(json);
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeCommunicationException(ItsmeMessage.JWKS_INVALID, "not a JSON object");
        }
        if (root == null || !(root.get("keys") instanceof List<?> keys)) {
            throw new ItsmeCommunicationException(ItsmeMessage.JWKS_INVALID, "no \"keys\" array");
        }
        Map<String, RSAPublicKey> byKid = new LinkedHashMap<>();
        List<RSAPublicKey> all = new ArrayList<>();
        List<EncryptionKey> enc = new ArrayList<>();
        for (Object item : keys) {
            if (!(item instanceof Map<?, ?> raw)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) raw;
            String kid = map.get("kid") instanceof String k ? k : null;
            Object use = map.get("use");
            Object alg = map.get("alg");
            if (!"RSA".equals(map.get("kty"))) {
                LOG.log(Level.DEBUG, "Ignoring itsme key {0}: not RSA", kid);
                continue;
            }
            RSAPublicKey key;
            try {
                // only the public members: a published private member must never be used or kept
                Map<String, Object> pub = new LinkedHashMap<>();
                pub.put("kty", "RSA");
                pub.put("n", map.get("n"));
                pub.put("e", map.get("e"));
                key = new RsaJsonWebKey(pub).getRsaPublicKey();
            } catch (JoseException | RuntimeException e) {
                LOG.log(Level.WARNING, "Ignoring itsme key {0}: invalid RSA parameters", kid);
                continue;
            }
            if (key.getModulus().bitLength() < MIN_RSA_BITS) {
                LOG.log(Level.WARNING, "Ignoring itsme key {0}: RSA keys need at least {1} bits", kid, MIN_RSA_BITS);
                continue;
            }
            if ("enc".equals(use)) {
                if (kid != null) {
                    enc.add(new EncryptionKey(kid, key));
                }
                continue;
            }
            if (use != null && !"sig".equals(use)) {
                continue;
            }
            if (alg != null && !"RS256".equals(alg)) {
                LOG.log(Level.DEBUG, "Ignoring itsme key {0}: alg is not RS256", kid);
                continue;
            }
            all.add(key);
            if (kid != null) {
                byKid.putIfAbsent(kid, key);
            }
        }
        return new Snapshot(Map.copyOf(byKid), List.copyOf(all), List.copyOf(enc));
    }

    @Override
    public String toString() {
        return "ItsmeJwks" + knownKeyIds();
    }
}
