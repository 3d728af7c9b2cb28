package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.Service;
import jakarta.security.enterprise.credential.Credential;
import java.util.Objects;

/**
 * What {@link ItsmeAuthenticationMechanism} hands to the {@code IdentityStoreHandler} after a successful callback: the
 * ID token's identity, already decrypted, verified and validated by core (so an identity store only maps it; it never
 * sees a token). Other identity stores ignore it unless they choose to handle it (Jakarta Security 3.0, 3.4).
 *
 * <p>Immutable and thread-safe.
 */
public final class ItsmeCredential implements Credential {
    private final ItsmeIdentity identity;
    private final Service service;

    /** A credential for {@code identity}, obtained through the {@code service} flow. */
    public ItsmeCredential(ItsmeIdentity identity, Service service) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** The verified identity from the ID token. */
    public ItsmeIdentity identity() {
        return identity;
    }

    /** The itsme service that produced it: login, share data or confirm. */
    public Service service() {
        return service;
    }

    @Override
    public String toString() {
        return "ItsmeCredential[" + service + "]";
    }
}
