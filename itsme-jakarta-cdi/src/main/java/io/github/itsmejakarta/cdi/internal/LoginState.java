package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.core.PendingAuthorization;
import io.github.itsmejakarta.core.RequestObject;
import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * One login in progress: core's pending authorization (state, nonce, code_verifier, redirect URI, service, acr,
 * expiry), the path to return to afterwards, for a Confirm flow what the user is asked to approve, and, for a flow
 * started by a caller who was already logged in, that caller's {@code sub}: the flow must come back for the same
 * person (checklist item 38).
 *
 * <p>Kept small, because a replicating container copies it to other nodes on every change of the session: the
 * authorization URL is kept without its query (the callback never reads it, and with a request object by value the
 * query is kilobytes) and the request object itself is left out (it waits in the {@link RequestObjectStore}); only
 * its id stays, so that a login dropped before itsme fetched it can take its request object along.
 *
 * <p>Immutable and thread-safe; serializable for session replication. {@link #toString()} shows no secret.
 *
 * @param approval {@code null} unless the service is Confirm
 * @param expectedSub {@code null} unless the flow was started by a logged-in caller: then that caller's {@code sub}
 * @param requestObjectId the id of the login's request object served by reference, {@code null} if none
 * @param serviceName the named service ({@code itsme.services.<name>}) the login was started for, {@code null} for the
 *            top-level service: the callback completes it with that service's client
 */
public record LoginState(PendingAuthorization pending, String returnPath, Approval approval, String expectedSub,
        String requestObjectId, String serviceName) implements Serializable {
    public LoginState {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(returnPath, "returnPath");
        pending = slim(pending);
    }

    /** A login of the top-level service. */
    public LoginState(PendingAuthorization pending, String returnPath, Approval approval, String expectedSub,
            String requestObjectId) {
        this(pending, returnPath, approval, expectedSub, requestObjectId, null);
    }

    /**
     * From a pending authorization as core made it, for the named service {@code serviceName} ({@code null}: the
     * top level): the request object's id is kept, the object is not.
     */
    public static LoginState started(PendingAuthorization pending, String returnPath, Approval approval,
            String expectedSub, String serviceName) {
        return new LoginState(pending, returnPath, approval, expectedSub,
                pending.requestObject().map(RequestObject::id).orElse(null), serviceName);
    }

    /** From a pending authorization as core made it, for the top-level service. */
    public LoginState(PendingAuthorization pending, String returnPath, Approval approval, String expectedSub) {
        this(pending, returnPath, approval, expectedSub, pending.requestObject().map(RequestObject::id).orElse(null),
                null);
    }

    /** A login started without a logged-in caller. */
    public LoginState(PendingAuthorization pending, String returnPath, Approval approval) {
        this(pending, returnPath, approval, null);
    }

    private static PendingAuthorization slim(PendingAuthorization p) {
        URI uri = p.uri();
        if (uri.getRawQuery() == null && p.requestObject().isEmpty()) {
            return p;
        }
        URI withoutQuery = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
        return PendingAuthorization.of(p.state(), p.nonce(), p.codeVerifier(), p.redirectUri(), p.service(),
                p.serviceCode(), p.acr(), p.createdAt(), p.expiresAt(), withoutQuery, null);
    }

    @Override
    public String toString() {
        return "LoginState[" + pending.service() + (serviceName == null ? "" : " of " + serviceName) + ", returnPath="
                + returnPath + "]";
    }
}
