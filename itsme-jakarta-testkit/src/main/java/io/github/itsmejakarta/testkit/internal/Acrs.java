package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.ItsmeClaimNames;

import java.util.Locale;

/**
 * itsme's two authentication context classes. When both are asked the stricter wins (itsme-protocol.md,
 * "acr_values"); values are compared case-insensitively because itsme has been seen writing {@code V2}. Stateless.
 */
public final class Acrs {

    private Acrs() {
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
