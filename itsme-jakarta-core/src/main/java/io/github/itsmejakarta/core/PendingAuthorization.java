package io.github.itsmejakarta.core;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A login in progress: what {@link ItsmeClient#authorize(AuthorizationRequest)} generated and
 * {@link ItsmeClient#exchange(AuthorizationResponse, PendingAuthorization)} needs to finish it. Store it on the
 * server (HTTP session) or in an encrypted, signed cookie, send the user to {@link #uri()}, and remove it when the
 * callback arrives: it is single-use.
 *
 * <p>{@code state} binds the callback to this browser (RFC 6749 10.12), {@code nonce} binds the ID token to this
 * login (OIDC Core 3.1.2.1), the {@code code_verifier} binds the code to this client (RFC 7636). These are secrets
 * until the login ends: {@link #toString()} leaves them out.
 *
 * <p>Immutable and thread-safe; serializable so that containers can replicate sessions.
 */
public final class PendingAuthorization implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String state;
    private final String nonce;
    private final String codeVerifier;
    private final URI redirectUri;
    private final Service service;
    private final String serviceCode;
    private final Acr acr;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final URI uri;
    private final RequestObject requestObject;

    private PendingAuthorization(String state, String nonce, String codeVerifier, URI redirectUri, Service service,
            String serviceCode, Acr acr, Instant createdAt, Instant expiresAt, URI uri, RequestObject requestObject) {
        this.state = Objects.requireNonNull(state, "state");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.service = Objects.requireNonNull(service, "service");
        this.serviceCode = Objects.requireNonNull(serviceCode, "serviceCode");
        this.acr = Objects.requireNonNull(acr, "acr");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.requestObject = requestObject;
        if (codeVerifier.length() < 43 || codeVerifier.length() > 128) {
            throw new IllegalArgumentException("A code_verifier has 43 to 128 characters (RFC 7636 4.1)");
        }
        if (expiresAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("expiresAt is before createdAt");
        }
    }

    /**
     * Rebuilds a pending authorization that the application stored in its own format (e.g. a cookie). Every value
     * must be exactly what the original carried.
     */
    public static PendingAuthorization of(String state, String nonce, String codeVerifier, URI redirectUri,
            Service service, String serviceCode, Acr acr, Instant createdAt, Instant expiresAt, URI uri,
            RequestObject requestObject) {
        return new PendingAuthorization(state, nonce, codeVerifier, redirectUri, service, serviceCode, acr, createdAt,
                expiresAt, uri, requestObject);
    }

    /** The {@code state} value sent to itsme. */
    public String state() {
        return state;
    }

    /** The {@code nonce} value sent to itsme; the ID token must echo it. */
    public String nonce() {
        return nonce;
    }

    /** The PKCE {@code code_verifier} (RFC 7636 4.1); only its S256 challenge was sent. */
    public String codeVerifier() {
        return codeVerifier;
    }

    /** The {@code redirect_uri} sent; the token request repeats it. */
    public URI redirectUri() {
        return redirectUri;
    }

    /** The service asked for. */
    public Service service() {
        return service;
    }

    /** The service code asked for. */
    public String serviceCode() {
        return serviceCode;
    }

    /** The authentication level asked for; the ID token must carry at least this one. */
    public Acr acr() {
        return acr;
    }

    /** When the login started. */
    public Instant createdAt() {
        return createdAt;
    }

    /** After this instant the callback is refused. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the login has expired by {@code clock}. */
    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(expiresAt);
    }

    /** The authorization URL to send the user's browser to (a plain GET redirect). */
    public URI uri() {
        return uri;
    }

    /** The request object the application must serve at its {@code request_uri}, in REFERENCE mode. */
    public Optional<RequestObject> requestObject() {
        return Optional.ofNullable(requestObject);
    }

    private void readObject(ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            new PendingAuthorization(state, nonce, codeVerifier, redirectUri, service, serviceCode, acr, createdAt,
                    expiresAt, uri, requestObject);
        } catch (RuntimeException e) {
            InvalidObjectException invalid = new InvalidObjectException("Invalid PendingAuthorization");
            invalid.initCause(e);
            throw invalid;
        }
    }

    @Override
    public String toString() {
        return "PendingAuthorization[" + service + " " + serviceCode + ", acr=" + acr + ", createdAt=" + createdAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
