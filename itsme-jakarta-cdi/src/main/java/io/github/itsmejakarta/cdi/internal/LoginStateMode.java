package io.github.itsmejakarta.cdi.internal;

/** Where a login in progress (state, nonce, code_verifier, return path) is kept between redirect and callback. */
public enum LoginStateMode {
    /** In the HTTP session (replicated by the container's own clustering, if any). */
    SESSION,
    /** In an AES-GCM encrypted, short-lived, single-use cookie: no server state. */
    COOKIE
}
