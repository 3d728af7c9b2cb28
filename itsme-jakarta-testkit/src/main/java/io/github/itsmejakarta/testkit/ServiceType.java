package io.github.itsmejakarta.testkit;

/**
 * The three kinds of itsme service a service code can stand for (itsme-protocol.md, "Services"). Immutable.
 */
public enum ServiceType {
    /** Authentication: identify the user; a request object is optional. */
    LOGIN,
    /** Identification: login plus verified identity claims asked for with the {@code claims} parameter. */
    SHARE_DATA,
    /**
     * Confirmation: the user approves a text ({@code free_text}) or a payment ({@code adv_payment}); a request object
     * carrying the approval claims is required.
     */
    CONFIRM
}
