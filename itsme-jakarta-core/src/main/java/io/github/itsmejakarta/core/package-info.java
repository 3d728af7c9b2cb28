/**
 * The relying party's side of itsme's OpenID Connect profile, without any container.
 *
 * <p>Start with {@link io.github.itsmejakarta.core.ItsmeClient}: one per application, thread-safe.
 * {@link io.github.itsmejakarta.core.ItsmeClient#authorize(AuthorizationRequest)} makes a
 * {@link io.github.itsmejakarta.core.PendingAuthorization} (store it, redirect the browser to its {@code uri()}),
 * {@link io.github.itsmejakarta.core.ItsmeClient#exchange(AuthorizationResponse, PendingAuthorization)} completes the
 * login into {@link io.github.itsmejakarta.core.ItsmeTokens} with a validated
 * {@link io.github.itsmejakarta.core.ItsmeIdentity}, and
 * {@link io.github.itsmejakarta.core.ItsmeClient#userInfo(ItsmeTokens)} reads the userinfo endpoint when the
 * application needs claims only it gives.
 *
 * <p>Every failure is an {@link io.github.itsmejakarta.core.ItsmeException} carrying a stable
 * {@link io.github.itsmejakarta.core.ItsmeMessage} id. Everything under {@code ...core.internal} is not API.
 */
package io.github.itsmejakarta.core;
