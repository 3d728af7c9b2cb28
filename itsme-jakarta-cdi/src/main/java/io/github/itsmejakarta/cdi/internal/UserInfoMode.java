package io.github.itsmejakarta.cdi.internal;

/**
 * Whether the application may fetch userinfo after the login ({@code ItsmeContext.userInfo()}), and so whether the
 * session must keep itsme's access token, a bearer secret that session replication would copy to every node.
 */
public enum UserInfoMode {
    /** Fetched on the first {@code userInfo()} call: the access token stays in the session until then, not after. */
    LAZY,
    /** Never fetched: the access token is dropped at the callback and {@code userInfo()} is empty. */
    NEVER
}
