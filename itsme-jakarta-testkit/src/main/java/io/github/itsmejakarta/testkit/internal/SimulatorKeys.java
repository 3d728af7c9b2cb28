package io.github.itsmejakarta.testkit.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.lang.JoseException;

/**
 * The simulator's own RSA keys: one active signing key (ID tokens, userinfo), older signing keys still published
 * after a rotation (itsme's rollover: publish the new key, keep the old one for a while), and one encryption key
 * the relying party encrypts request objects and (optionally) client assertions to.
 * <p>
 * Thread-safe: reads see a consistent snapshot, rotations are synchronized.
 */
public final class SimulatorKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RsaJsonWebKey encryptionKey;
    private volatile Snapshot snapshot;
    private volatile List<Map<String, Object>> extraKeys = List.of();

    private record Snapshot(RsaJsonWebKey active, List<RsaJsonWebKey> published, String jwksJson) {
    }

    public SimulatorKeys() {
        this.encryptionKey = generate("enc", Use.ENCRYPTION);
        RsaJsonWebKey signing = generate("sig", Use.SIGNATURE);
        this.snapshot = snapshot(signing, List.of(signing));
    }

    /** The key ID tokens and userinfo are signed with now. */
    public RsaJsonWebKey activeSigningKey() {
        return snapshot.active();
    }

    /** The key request objects are decrypted with. */
    public RsaJsonWebKey encryptionKey() {
        return encryptionKey;
    }

    /** The public JWK set served at {@code /v2/jwks}. */
    public String publicJwksJson() {
        List<Map<String, Object>> extra = extraKeys;
        if (extra.isEmpty()) {
            return snapshot.jwksJson();
        }
        Map<String, Object> set = Json.parseObject(snapshot.jwksJson());
        List<Object> keys = new ArrayList<>((List<?>) set.get("keys"));
        keys.addAll(extra);
        return Json.write(Map.of("keys", keys));
    }

    /**
     * Publishes one more JWK as given (any type, use or size), for relying-party tests of what a JWKS may hold;
     * such keys never sign anything the simulator makes by itself.
     */
    public synchronized void publishExtraKey(Map<String, Object> jwk) {
        List<Map<String, Object>> next = new ArrayList<>(extraKeys);
        next.add(Map.copyOf(jwk));
        extraKeys = List.copyOf(next);
    }

    /** Stops publishing the extra keys. */
    public synchronized void clearExtraKeys() {
        extraKeys = List.of();
    }

    /**
     * Makes a new signing key active and publishes it.
     *
     * @param keepPrevious keep publishing the earlier signing keys (true: rollover) or drop them (false)
     * @return the new key id
     */
    public synchronized String rotateSigningKey(boolean keepPrevious) {
        RsaJsonWebKey next = generate("sig", Use.SIGNATURE);
        List<RsaJsonWebKey> published = new ArrayList<>();
        published.add(next);
        if (keepPrevious) {
            published.addAll(snapshot.published());
        }
        snapshot = snapshot(next, published);
        return next.getKeyId();
    }

    private Snapshot snapshot(RsaJsonWebKey active, List<RsaJsonWebKey> signingKeys) {
        List<JsonWebKey> keys = new ArrayList<>();
        for (RsaJsonWebKey key : signingKeys) {
            keys.add(publicOnly(key));
        }
        keys.add(publicOnly(encryptionKey));
        String json = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        return new Snapshot(active, List.copyOf(signingKeys), json);
    }

    private static JsonWebKey publicOnly(RsaJsonWebKey key) {
        try {
            JsonWebKey copy = JsonWebKey.Factory.newJwk(key.getPublicKey());
            copy.setKeyId(key.getKeyId());
            copy.setUse(key.getUse());
            copy.setAlgorithm(key.getAlgorithm());
            return copy;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot export a public RSA key", e);
        }
    }

    private static RsaJsonWebKey generate(String prefix, String use) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            byte[] id = new byte[6];
            RANDOM.nextBytes(id);
            key.setKeyId(prefix + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(id));
            key.setUse(use);
            if (Use.SIGNATURE.equals(use)) {
                key.setAlgorithm("RS256");
            }
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
