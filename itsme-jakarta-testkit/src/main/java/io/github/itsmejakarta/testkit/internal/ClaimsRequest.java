package io.github.itsmejakarta.testkit.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code claims} authorization parameter (OIDC Core 5.5): the claims asked for in the ID token and in the
 * userinfo response, each with an optional {@code {"essential":..., "value":..., "values":[...]}} object. Immutable.
 *
 * @param idToken claim name to its request object ({@code null} values allowed)
 * @param userinfo claim name to its request object
 */
public record ClaimsRequest(Map<String, Map<String, Object>> idToken, Map<String, Map<String, Object>> userinfo) {

    /** Nothing asked. */
    public static final ClaimsRequest NONE = new ClaimsRequest(Map.of(), Map.of());

    public ClaimsRequest {
        idToken = Collections.unmodifiableMap(new LinkedHashMap<>(idToken));
        userinfo = Collections.unmodifiableMap(new LinkedHashMap<>(userinfo));
    }

    /** Parses the JSON text of the query parameter. */
    public static ClaimsRequest parse(String json) throws AuthorizationError.Invalid {
        try {
            return fromMap(Json.parseObject(json));
        } catch (IllegalArgumentException e) {
            throw new AuthorizationError.Invalid("invalid_request", "claims is not a JSON object");
        }
    }

    /** Reads the parsed form (a request object's {@code claims} claim). */
    public static ClaimsRequest fromObject(Object value) throws AuthorizationError.Invalid {
        if (value instanceof String text) {
            return parse(text);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new AuthorizationError.Invalid("invalid_request", "claims must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return fromMap(typed);
    }

    private static ClaimsRequest fromMap(Map<String, Object> map) throws AuthorizationError.Invalid {
        return new ClaimsRequest(member(map, "id_token"), member(map, "userinfo"));
    }

    private static Map<String, Map<String, Object>> member(Map<String, Object> map, String name)
            throws AuthorizationError.Invalid {
        Object value = map.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> members)) {
            throw new AuthorizationError.Invalid("invalid_request", "claims." + name + " must be a JSON object");
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : members.entrySet()) {
            Object spec = e.getValue();
            if (spec != null && !(spec instanceof Map)) {
                throw new AuthorizationError.Invalid("invalid_request",
                        "claims." + name + "." + e.getKey() + " must be null or an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) spec;
            result.put(String.valueOf(e.getKey()), typed);
        }
        return result;
    }

    /** The {@code value} a claim was asked with, in either member (userinfo first). */
    public Optional<Object> requestedValue(String claim) {
        for (Map<String, Map<String, Object>> member : java.util.List.of(userinfo, idToken)) {
            Map<String, Object> spec = member.get(claim);
            if (spec != null && spec.get("value") != null) {
                return Optional.of(spec.get("value"));
            }
        }
        return Optional.empty();
    }
}
