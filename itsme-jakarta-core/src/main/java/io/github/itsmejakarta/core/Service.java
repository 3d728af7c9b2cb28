package io.github.itsmejakarta.core;

/**
 * The itsme services a relying party is onboarded for; each has its own service code, sent as the scope
 * {@code service:<code>} (itsme authorization_request page). itsme's documentation names them Authentication
 * ({@link #LOGIN}), Identification ({@link #SHARE_DATA}), Confirmation ({@link #CONFIRM}) and Data Sharing
 * ({@link #DATA_SHARING}); the constants keep this library's first names so that existing code keeps working.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Service {
    /** itsme's Authentication: identify the user. */
    LOGIN("Authentication"),
    /**
     * itsme's Identification: login plus verified identity claims. itsme refuses it without at least one user claim
     * ({@link #needsUserClaim()}).
     */
    SHARE_DATA("Identification"),
    /** itsme's Confirmation: the user approves a text or a payment in the app; needs a request object. */
    CONFIRM("Confirmation"),
    /**
     * itsme's Data Sharing: claims from third-party sources, e.g. the access grant to a student attestation
     * ({@link io.github.itsmejakarta.core.claims.ClaimNames#STUDENT_ATTESTATION_AG}). itsme refuses it without at least
     * one user claim ({@link #needsUserClaim()}).
     */
    DATA_SHARING("Data Sharing");

    private final String itsmeName;

    Service(String itsmeName) {
        this.itsmeName = itsmeName;
    }

    /** The name itsme's documentation gives this service, e.g. {@code Identification}. */
    public String itsmeName() {
        return itsmeName;
    }

    /**
     * True for the services itsme accepts only when the request asks for at least one user claim (Identification and
     * Data Sharing): a scope such as {@code profile}, or a {@code claims} member that is not a protocol claim.
     */
    public boolean needsUserClaim() {
        return this == SHARE_DATA || this == DATA_SHARING;
    }
}
