/**
 * The relying party's own keys: loading, validating, generating and rotating its private JWK set
 * ({@link io.github.itsmejakarta.core.keys.RelyingPartyKeys}), and the command line tool for it
 * ({@link io.github.itsmejakarta.core.keys.KeysTool}).
 */
package io.github.itsmejakarta.core.keys;
