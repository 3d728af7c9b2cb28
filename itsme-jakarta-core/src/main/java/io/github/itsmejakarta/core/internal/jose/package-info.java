/**
 * Not API. Consuming itsme's nested JWTs: itsme's JWK set with a rate-limited refetch
 * ({@link io.github.itsmejakarta.core.internal.jose.ItsmeJwks}), the policy a token must meet
 * ({@link io.github.itsmejakarta.core.internal.jose.TokenPolicy}) and the processor that enforces it
 * ({@link io.github.itsmejakarta.core.internal.jose.ItsmeTokenProcessor}).
 */
package io.github.itsmejakarta.core.internal.jose;
