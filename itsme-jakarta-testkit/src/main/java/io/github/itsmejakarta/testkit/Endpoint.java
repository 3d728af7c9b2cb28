package io.github.itsmejakarta.testkit;

/**
 * The simulator's endpoints, as addressed by the delay, hang and server-error hooks of {@link SimulatorHooks}.
 * {@link #AUTHORIZATION} covers both the authorization page and the form the page posts its decision to. Immutable.
 */
public enum Endpoint {
    /** {@code /v2/.well-known/openid-configuration} */
    DISCOVERY,
    /** {@code /v2/jwks} */
    JWKS,
    /** {@code /v2/authorization} and {@code /v2/authorization/decision} */
    AUTHORIZATION,
    /** {@code /v2/token} */
    TOKEN,
    /** {@code /v2/userinfo} */
    USERINFO,
    /** {@code /v2/picture} */
    PICTURE
}
