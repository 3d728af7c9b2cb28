package io.github.itsmejakarta.testkit;

import java.util.Locale;

/**
 * The kinds of itsme service a service code can stand for (itsme-protocol.md, "Services"). itsme's documentation
 * calls them Authentication, Identification, Confirmation and Data Sharing; the constants keep this project's
 * earlier names ({@link #LOGIN}, {@link #SHARE_DATA}, {@link #CONFIRM}) and itsme's names are aliases
 * ({@link #AUTHENTICATION}, {@link #IDENTIFICATION}, {@link #CONFIRMATION}). Immutable.
 */
public enum ServiceType {
    /** Authentication: identify the user; a request object is optional. */
    LOGIN("Authentication"),
    /**
     * Identification: login plus verified identity claims; it must ask for at least one user claim (a scope such as
     * {@code profile}, or {@code claims}).
     */
    SHARE_DATA("Identification"),
    /**
     * Confirmation: the user approves a text ({@code free_text}) or a payment ({@code adv_payment}); a request object
     * carrying the approval claims is required.
     */
    CONFIRM("Confirmation"),
    /**
     * Data Sharing: claims from third-party sources besides the identity claims, e.g.
     * {@link ItsmeClaimNames#STUDENT_ATTESTATION_AG}, released only by this kind of service; like Identification, it
     * must ask for at least one user claim.
     */
    DATA_SHARING("Data Sharing");

    /** itsme's name for {@link #LOGIN}. */
    public static final ServiceType AUTHENTICATION = LOGIN;
    /** itsme's name for {@link #SHARE_DATA}. */
    public static final ServiceType IDENTIFICATION = SHARE_DATA;
    /** itsme's name for {@link #CONFIRM}. */
    public static final ServiceType CONFIRMATION = CONFIRM;

    private final String itsmeName;

    ServiceType(String itsmeName) {
        this.itsmeName = itsmeName;
    }

    /** The name itsme's documentation uses: Authentication, Identification, Confirmation, Data Sharing. */
    public String itsmeName() {
        return itsmeName;
    }

    /** True for the services itsme refuses without at least one user claim (Identification, Data Sharing). */
    public boolean needsUserClaim() {
        return this == SHARE_DATA || this == DATA_SHARING;
    }

    /**
     * Reads a constant name or itsme's name, case-insensitively, with {@code -} or a space for {@code _}:
     * {@code login}, {@code authentication}, {@code share-data}, {@code identification}, {@code confirm},
     * {@code confirmation}, {@code data-sharing}.
     *
     * @throws IllegalArgumentException when it names no service type
     */
    public static ServiceType fromName(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ServiceType type : values()) {
            if (type.name().equals(normalized)
                    || type.itsmeName.toUpperCase(Locale.ROOT).replace(' ', '_').equals(normalized)) {
                return type;
            }
        }
        throw new IllegalArgumentException("service type must be LOGIN (Authentication), SHARE_DATA "
                + "(Identification), CONFIRM (Confirmation) or DATA_SHARING (Data Sharing): " + name);
    }
}
