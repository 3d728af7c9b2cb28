/**
 * Internal, not API: What the relying party generates for a login: random values, PKCE, the client assertion and request objects (minted with smallrye-jwt-build), and the single-use guard for states.
 */
package io.github.itsmejakarta.core.internal.request;
