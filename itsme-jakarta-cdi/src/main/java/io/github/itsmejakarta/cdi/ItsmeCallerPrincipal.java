package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.claims.ItsmeClaims;
import jakarta.security.enterprise.CallerPrincipal;
import java.io.Serializable;
import java.util.Objects;

/**
 * The caller of an itsme login: named by the configured claim ({@value ItsmeConfigKeys#CALLER_NAME_CLAIM}, {@code sub}
 * by default), carrying the verified identity claims. Link accounts by {@link #sub()}: it is pairwise and stable,
 * unlike names or e-mail addresses (itsme's map_user page).
 *
 * <p>Immutable and thread-safe; serializable, so that containers can replicate or passivate the session holding it.
 */
public class ItsmeCallerPrincipal extends CallerPrincipal implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ItsmeIdentity identity;

    public ItsmeCallerPrincipal(String name, ItsmeIdentity identity) {
        super(Objects.requireNonNull(name, "name"));
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** itsme's subject identifier for this user at this client. */
    public String sub() {
        return identity.sub();
    }

    /** The verified ID token identity: issuer, acr, times, claims. */
    public ItsmeIdentity identity() {
        return identity;
    }

    /** The identity claims, typed. */
    public ItsmeClaims claims() {
        return identity.claims();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItsmeCallerPrincipal p && getName().equals(p.getName()) && sub().equals(p.sub());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getName(), sub());
    }

    @Override
    public String toString() {
        return "ItsmeCallerPrincipal[" + getName() + "]";
    }
}
