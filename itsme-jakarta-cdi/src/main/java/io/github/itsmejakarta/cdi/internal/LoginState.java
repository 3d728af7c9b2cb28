package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.core.PendingAuthorization;
import java.io.Serializable;
import java.util.Objects;

/**
 * One login in progress: core's pending authorization (state, nonce, code_verifier, redirect URI, service, acr,
 * expiry), the path to return to afterwards, for a Confirm flow what the user is asked to approve, and, for a flow
 * started by a caller who was already logged in, that caller's {@code sub}: the flow must come back for the same
 * person (checklist item 38).
 *
 * <p>Immutable and thread-safe; serializable for session replication. {@link #toString()} shows no secret.
 *
 * @param approval {@code null} unless the service is Confirm
 * @param expectedSub {@code null} unless the flow was started by a logged-in caller: then that caller's {@code sub}
 */
public record LoginState(PendingAuthorization pending, String returnPath, Approval approval, String expectedSub)
        implements
            Serializable {
    public LoginState {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(returnPath, "returnPath");
    }

    /** A login started without a logged-in caller. */
    public LoginState(PendingAuthorization pending, String returnPath, Approval approval) {
        this(pending, returnPath, approval, null);
    }

    @Override
    public String toString() {
        return "LoginState[" + pending.service() + ", returnPath=" + returnPath + "]";
    }
}
