package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.core.PendingAuthorization;
import java.io.Serializable;
import java.util.Objects;

/**
 * One login in progress: core's pending authorization (state, nonce, code_verifier, redirect URI, service, acr,
 * expiry), the path to return to afterwards and, for a Confirm flow, what the user is asked to approve.
 *
 * <p>Immutable and thread-safe; serializable for session replication. {@link #toString()} shows no secret.
 *
 * @param approval {@code null} unless the service is Confirm
 */
public record LoginState(PendingAuthorization pending, String returnPath, Approval approval) implements Serializable {
    public LoginState {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(returnPath, "returnPath");
    }

    @Override
    public String toString() {
        return "LoginState[" + pending.service() + ", returnPath=" + returnPath + "]";
    }
}
