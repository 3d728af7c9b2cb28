package io.github.itsmejakarta.core;

/**
 * How the authorization parameters travel (OIDC Core 6): in the URL only, in a signed and encrypted request object
 * passed by value ({@code request}), or by reference ({@code request_uri}, fetched by itsme from the application).
 * itsme requires a request object for the Confirm service.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum RequestObjectMode {
    /** Plain query parameters. */
    NONE,
    /** The request object in the {@code request} parameter. */
    VALUE,
    /** The request object served by the application at {@code request_uri}. */
    REFERENCE
}
