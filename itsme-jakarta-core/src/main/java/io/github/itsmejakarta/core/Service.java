package io.github.itsmejakarta.core;

/**
 * The itsme services a relying party is onboarded for; each has its own service code, sent as the scope
 * {@code service:<code>} (itsme authorization_request page).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Service {
    /** Authentication: identify the user. */
    LOGIN,
    /** Identification: login plus verified identity claims. */
    SHARE_DATA,
    /** Confirmation: the user approves a text or a payment in the app; needs a request object. */
    CONFIRM
}
