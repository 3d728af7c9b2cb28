package io.github.itsmejakarta.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person who can log in at the simulator, with the claims itsme would release about them (v2 names, see
 * {@link ItsmeClaimNames}). Claim values are JSON-like: {@code String}, {@code Boolean}, {@code Long}, {@code Map}
 * (objects such as {@code address}) and {@code List}. The age claims {@code age_gte_16/18/21/30} are derived from
 * {@code birthdate} at issuance, by the simulator's clock, unless the person carries them explicitly.
 * <p>
 * Immutable and thread-safe. Build your own with {@link #builder(String)}, or use {@link TestPersons}.
 */
public final class TestPerson {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String id;
    private final String displayName;
    private final Map<String, Object> claims;

    private TestPerson(Builder builder) {
        this.id = builder.id;
        this.displayName = builder.displayName == null ? builder.id : builder.displayName;
        this.claims = deepUnmodifiable(builder.claims);
    }

    /**
     * Starts a person.
     *
     * @param id a stable identifier, letters, digits, {@code -} and {@code _} only (it appears in HTML element ids
     *        {@code person-<id>})
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The stable identifier, e.g. {@code belgian-eid-holder}. */
    public String id() {
        return id;
    }

    /** The name shown on the authorization page. */
    public String displayName() {
        return displayName;
    }

    /** Every claim the person has, keyed by claim name; unmodifiable, nested values too. */
    public Map<String, Object> claims() {
        return claims;
    }

    /** One claim. */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /** The JPEG bytes of {@code physical_person_photo}, if the person has a photo. */
    public Optional<byte[]> photoJpeg() {
        Object photo = claims.get(ItsmeClaimNames.PHYSICAL_PERSON_PHOTO);
        if (photo instanceof Map<?, ?> map && map.get("value") instanceof String value) {
            return Optional.of(java.util.Base64.getDecoder().decode(value));
        }
        return Optional.empty();
    }

    /**
     * The pairwise subject identifier of this person for one client: 36 characters (UUID form), stable across
     * simulator restarts, different per client (itsme-protocol.md: "sub (36 chars, pairwise per RP)").
     */
    public String subFor(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((id + "\n" + clientId).getBytes(StandardCharsets.UTF_8));
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (hash[i] & 0xff);
                least = (least << 8) | (hash[i + 8] & 0xff);
            }
            // version 8 (custom) and IETF variant bits, so that the value is a well-formed UUID
            most = (most & ~0xF000L) | 0x8000L;
            least = (least & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new java.util.UUID(most, least).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestPerson other && other.id.equals(id) && other.claims.equals(claims);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "TestPerson[" + id + "]";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepUnmodifiable(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, deepCopy(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepUnmodifiable((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        throw new IllegalArgumentException("claim values must be JSON-like, not " + value.getClass().getName());
    }

    /** Builds a {@link TestPerson}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private String displayName;
        private final Map<String, Object> claims = new LinkedHashMap<>();

        private Builder(String id) {
            Objects.requireNonNull(id, "id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("person id must match " + ID.pattern() + ": " + id);
            }
            this.id = id;
        }

        /** The name shown on the authorization page (default: the id). */
        public Builder displayName(String displayName) {
            this.displayName = Objects.requireNonNull(displayName, "displayName");
            return this;
        }

        /** Adds or replaces a claim; {@code Map}, {@code List}, {@code String}, {@code Boolean}, numbers. */
        public Builder claim(String name, Object value) {
            claims.put(Objects.requireNonNull(name, "name"), deepCopy(Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Adds every claim of the map. */
        public Builder claims(Map<String, ?> values) {
            values.forEach(this::claim);
            return this;
        }

        /** Sets {@code physical_person_photo} to {@code {"format": "image/jpeg", "value": <base64>}}. */
        public Builder photoJpeg(byte[] jpeg) {
            Map<String, Object> photo = new LinkedHashMap<>();
            photo.put("format", "image/jpeg");
            photo.put("value", java.util.Base64.getEncoder().encodeToString(jpeg));
            return claim(ItsmeClaimNames.PHYSICAL_PERSON_PHOTO, photo);
        }

        public TestPerson build() {
            return new TestPerson(this);
        }
    }
}
