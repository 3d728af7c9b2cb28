/**
 * itsme's claims as typed values: {@link io.github.itsmejakarta.core.claims.ItsmeClaims} over the raw claims, with v1
 * names folded to v2 ({@link io.github.itsmejakarta.core.claims.ClaimNames}) and records for the structured claims.
 */
package io.github.itsmejakarta.core.claims;
