package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.ItsmeClaimNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * itsme's two authentication context classes. When both are asked the stricter wins (itsme-protocol.md,
 * "acr_values"); values are compared case-insensitively because itsme has been seen writing {@code V2}. Stateless.
 */
public final class Acrs {

    private Acrs() {
    }

    /**
     * The acr the login gets for an {@code acr_values} parameter and an {@code acr} asked through {@code claims}
     * ({@code {"essential": true, "values": [...]}} or {@code "value"}). OIDC Core 5.5.1.1: an essential {@code acr}
     * must be answered with one of its values (the stricter one itsme knows), and when none of them can be met the
     * authentication fails ({@code access_denied}); a voluntary one is honoured like {@code acr_values}.
     *
     * @param acrValues the {@code acr_values} parameter, or null
     * @param claimsAcr the {@code claims.id_token.acr} member, or null
     */
    public static String forRequest(String acrValues, Map<String, Object> claimsAcr) throws AuthorizationError.Invalid {
        String fromParameter = strictest(acrValues);
        if (claimsAcr == null) {
            return fromParameter;
        }
        List<String> asked = new ArrayList<>();
        if (claimsAcr.get("value") instanceof String value) {
            asked.add(value);
        }
        if (claimsAcr.get("values") instanceof List<?> values) {
            values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(asked::add);
        }
        List<String> known = asked.stream().filter(Acrs::known).toList();
        if (Boolean.TRUE.equals(claimsAcr.get("essential"))) {
            if (known.isEmpty()) {
                throw new AuthorizationError.Invalid("access_denied", asked.isEmpty()
                        ? "an essential acr needs a value or values"
                        : "none of the essential acr values can be met (itsme knows acr_basic and acr_advanced)");
            }
            return strictest(String.join(" ", known));
        }
        return strictest(fromParameter + " " + String.join(" ", known));
    }

    private static boolean known(String acr) {
        return acr.equalsIgnoreCase(ItsmeClaimNames.ACR_BASIC) || acr.equalsIgnoreCase(ItsmeClaimNames.ACR_ADVANCED);
    }

    /** The acr the login gets for an {@code acr_values} parameter (space-separated, possibly null). */
    public static String strictest(String acrValues) {
        if (acrValues == null || acrValues.isBlank()) {
            return ItsmeClaimNames.ACR_BASIC;
        }
        String lower = acrValues.toLowerCase(Locale.ROOT);
        for (String value : lower.trim().split("\\s+")) {
            if (value.equals(ItsmeClaimNames.ACR_ADVANCED.toLowerCase(Locale.ROOT))) {
                return ItsmeClaimNames.ACR_ADVANCED;
            }
        }
        return ItsmeClaimNames.ACR_BASIC;
    }
}
