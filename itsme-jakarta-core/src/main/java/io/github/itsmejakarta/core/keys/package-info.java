/**
 * The relying party's own keys: loading, validating, generating and rotating its private JWK set
 * ({@link io.github.itsmejakarta.core.keys.RelyingPartyKeys}), and importing existing keys from PEM files
 * ({@link io.github.itsmejakarta.core.keys.ImportedKey}) or a PKCS#12 keystore
 * ({@link io.github.itsmejakarta.core.keys.Pkcs12KeyStore}). The command line tool is the {@code itsme-jakarta-keys}
 * module.
 */
package io.github.itsmejakarta.core.keys;
