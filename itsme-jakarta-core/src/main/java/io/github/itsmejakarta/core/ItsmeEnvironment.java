package io.github.itsmejakarta.core;

import java.net.URI;

/**
 * itsme's two public environments and their discovery documents (itsme authentication page). The issuer of each
 * is known in advance and compared exactly with the one the discovery document announces (OIDC Discovery 4.3).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ItsmeEnvironment {
    /** The sandbox for integration tests. */
    E2E("https://idp.e2e.itsme.services/v2"),
    /** The production environment. */
    PRODUCTION("https://idp.prd.itsme.services/v2");

    private final String issuer;
    private final URI discoveryUri;

    ItsmeEnvironment(String issuer) {
        this.issuer = issuer;
        this.discoveryUri = URI.create(issuer + "/.well-known/openid-configuration");
    }

    /** The issuer identifier, exactly as itsme writes it (no trailing slash). */
    public String issuer() {
        return issuer;
    }

    /** The discovery document's address. */
    public URI discoveryUri() {
        return discoveryUri;
    }
}
