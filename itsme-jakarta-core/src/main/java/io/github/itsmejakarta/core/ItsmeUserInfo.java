package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.claims.ItsmeClaims;
import java.io.Serializable;
import java.util.Objects;

/**
 * The userinfo answer (OIDC Core 5.3), decrypted, verified, and checked to be about the same subject as the ID token
 * (OIDC Core 5.3.2: "The sub Claim in the UserInfo Response MUST be verified to exactly match the sub Claim in the ID
 * Token").
 *
 * <p>Immutable, thread-safe and {@link Serializable}. {@link #toString()} shows claim names only.
 */
public final class ItsmeUserInfo implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String sub;
    private final ItsmeClaims claims;

    private ItsmeUserInfo(String sub, ItsmeClaims claims) {
        this.sub = Objects.requireNonNull(sub, "sub");
        this.claims = Objects.requireNonNull(claims, "claims");
    }

    /** Builds a userinfo from already validated claims: used by the token processor (and by tests). */
    public static ItsmeUserInfo of(String sub, ItsmeClaims claims) {
        return new ItsmeUserInfo(sub, claims);
    }

    /** itsme's subject identifier, equal to the ID token's. */
    public String sub() {
        return sub;
    }

    /** Every userinfo claim (v2 names, typed accessors). */
    public ItsmeClaims claims() {
        return claims;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItsmeUserInfo u && sub.equals(u.sub) && claims.equals(u.claims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sub, claims);
    }

    @Override
    public String toString() {
        return "ItsmeUserInfo[claims=" + claims.names() + "]";
    }
}
