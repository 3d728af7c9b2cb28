package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.claims.ClaimNames;
import io.github.itsmejakarta.core.claims.ItsmeClaims;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who logged in: the claims of an ID token that was decrypted, verified and validated (OIDC Core 3.1.3.7) by the
 * library. Link accounts by {@link #sub()} (itsme's pairwise subject) and nothing else; every other attribute may
 * change over time.
 *
 * <p>The {@code nonce} is consumed by validation and deliberately not kept. Instances hold no proof: build them only
 * from validated tokens (the library does).
 *
 * <p>Immutable, thread-safe and {@link Serializable}, so that a container can keep it in the HTTP session.
 * {@link #toString()} shows no personal data.
 */
public final class ItsmeIdentity implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String sub;
    private final String issuer;
    private final List<String> audience;
    private final String acrValue;
    private final Instant authTime;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final ItsmeClaims claims;

    private ItsmeIdentity(String sub, String issuer, List<String> audience, String acrValue, Instant authTime,
            Instant issuedAt, Instant expiresAt, ItsmeClaims claims) {
        this.sub = Objects.requireNonNull(sub, "sub");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = List.copyOf(audience);
        this.acrValue = acrValue;
        this.authTime = authTime;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.claims = Objects.requireNonNull(claims, "claims").without(ClaimNames.NONCE);
    }

    /**
     * Builds an identity from already validated values: used by the token processor (and by tests). {@code nonce} is
     * dropped from {@code claims}.
     */
    public static ItsmeIdentity of(String sub, String issuer, List<String> audience, String acrValue,
            Instant authTime, Instant issuedAt, Instant expiresAt, ItsmeClaims claims) {
        return new ItsmeIdentity(sub, issuer, audience, acrValue, authTime, issuedAt, expiresAt, claims);
    }

    /** itsme's subject identifier (36 characters, pairwise per relying party). */
    public String sub() {
        return sub;
    }

    /** The issuer that signed the token (exactly the configured one). */
    public String issuer() {
        return issuer;
    }

    /** The {@code aud} values (one of them is the client id). */
    public List<String> audience() {
        return audience;
    }

    /** The authentication level reached, when the token's {@code acr} is one itsme defines. */
    public Optional<Acr> acr() {
        return Acr.find(acrValue);
    }

    /** The {@code acr} claim as sent. */
    public Optional<String> acrValue() {
        return Optional.ofNullable(acrValue);
    }

    /** When the user authenticated ({@code auth_time}), if sent. */
    public Optional<Instant> authTime() {
        return Optional.ofNullable(authTime);
    }

    /** The token's {@code iat}. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** The token's {@code exp}. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Every claim of the ID token (v2 names, typed accessors), without {@code nonce}. */
    public ItsmeClaims claims() {
        return claims;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItsmeIdentity i && sub.equals(i.sub) && issuer.equals(i.issuer) && claims.equals(i.claims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sub, issuer, claims);
    }

    @Override
    public String toString() {
        return "ItsmeIdentity[issuer=" + issuer + ", acr=" + acrValue + ", claims=" + claims.names() + "]";
    }
}
