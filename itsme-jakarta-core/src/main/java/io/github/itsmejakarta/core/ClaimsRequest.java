package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.internal.json.JsonText;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code claims} request parameter (OIDC Core 5.5): which claims to return in the ID token and which at the
 * userinfo endpoint, each voluntary, essential, or with a required value. itsme recommends asking in the ID token,
 * which spares a userinfo call (itsme claims page).
 *
 * <pre>{@code
 * ClaimsRequest claims = ClaimsRequest.builder()
 *         .idToken(ClaimNames.BE_NATIONAL_NUMBER)
 *         .idTokenEssential("birthdate")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ClaimsRequest {
    private static final ClaimsRequest EMPTY = new ClaimsRequest(Map.of(), Map.of());

    private final Map<String, Map<String, Object>> idToken;
    private final Map<String, Map<String, Object>> userInfo;

    private ClaimsRequest(Map<String, Map<String, Object>> idToken, Map<String, Map<String, Object>> userInfo) {
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    /** No claims asked for. */
    public static ClaimsRequest empty() {
        return EMPTY;
    }

    /** Voluntary claims in the ID token. */
    public static ClaimsRequest idToken(String... names) {
        Builder b = builder();
        for (String name : names) {
            b.idToken(name);
        }
        return b.build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Names of the claims asked for in the ID token. */
    public Set<String> idTokenClaims() {
        return idToken.keySet();
    }

    /** Names of the claims asked for at the userinfo endpoint. */
    public Set<String> userInfoClaims() {
        return userInfo.keySet();
    }

    /** Whether nothing is asked for. */
    public boolean isEmpty() {
        return idToken.isEmpty() && userInfo.isEmpty();
    }

    /** This request plus {@code other}'s claims; {@code other} wins where both name a claim. */
    public ClaimsRequest merge(ClaimsRequest other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Map<String, Map<String, Object>> id = new LinkedHashMap<>(idToken);
        id.putAll(other.idToken);
        Map<String, Map<String, Object>> ui = new LinkedHashMap<>(userInfo);
        ui.putAll(other.userInfo);
        return new ClaimsRequest(Collections.unmodifiableMap(id), Collections.unmodifiableMap(ui));
    }

    /**
     * The parameter as a JSON-ready map: {@code {"id_token": {name: null | {"essential": true, "value": ...}},
     * "userinfo": {...}}}, empty members left out.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!idToken.isEmpty()) {
            map.put("id_token", idToken);
        }
        if (!userInfo.isEmpty()) {
            map.put("userinfo", userInfo);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The parameter's JSON text. */
    public String toJson() {
        return JsonText.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimsRequest c && idToken.equals(c.idToken) && userInfo.equals(c.userInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(idToken, userInfo);
    }

    @Override
    public String toString() {
        return "ClaimsRequest" + toJson();
    }

    /** Collects claims; not thread-safe, use it on one thread. */
    public static final class Builder {
        private final Map<String, Map<String, Object>> idToken = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> userInfo = new LinkedHashMap<>();

        private Builder() {
        }

        /** A voluntary ID token claim. */
        public Builder idToken(String name) {
            idToken.put(checkName(name), null);
            return this;
        }

        /** An essential ID token claim. */
        public Builder idTokenEssential(String name) {
            idToken.put(checkName(name), Map.of("essential", true));
            return this;
        }

        /** An essential ID token claim with a required value. */
        public Builder idTokenValue(String name, String value) {
            idToken.put(checkName(name), valueSpec(value));
            return this;
        }

        /** A voluntary userinfo claim. */
        public Builder userInfo(String name) {
            userInfo.put(checkName(name), null);
            return this;
        }

        /** An essential userinfo claim. */
        public Builder userInfoEssential(String name) {
            userInfo.put(checkName(name), Map.of("essential", true));
            return this;
        }

        /** An essential userinfo claim with a required value (e.g. pinning {@code sub}). */
        public Builder userInfoValue(String name, String value) {
            userInfo.put(checkName(name), valueSpec(value));
            return this;
        }

        /** The immutable request. */
        public ClaimsRequest build() {
            if (idToken.isEmpty() && userInfo.isEmpty()) {
                return EMPTY;
            }
            return new ClaimsRequest(Collections.unmodifiableMap(new LinkedHashMap<>(idToken)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(userInfo)));
        }

        private static Map<String, Object> valueSpec(String value) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("essential", true);
            spec.put("value", Objects.requireNonNull(value, "value"));
            return Collections.unmodifiableMap(spec);
        }

        private static String checkName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A claim name must not be blank");
            }
            return name;
        }
    }
}
