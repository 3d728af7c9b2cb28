/**
 * itsme login for Jakarta EE 10 applications: one annotation and a few MicroProfile Config keys.
 *
 * <p>Put {@link io.github.itsmejakarta.cdi.ItsmeAuthenticationMechanismDefinition} on any bean class; the portable
 * extension {@link io.github.itsmejakarta.cdi.ItsmeExtension} validates the settings at deployment (every problem at
 * once, ids {@code ITSME-170x}) and registers the {@link io.github.itsmejakarta.cdi.ItsmeAuthenticationMechanism}, the
 * {@link io.github.itsmejakarta.cdi.ItsmeIdentityStore} and the injectable
 * {@link io.github.itsmejakarta.cdi.ItsmeContext} (the caller's claims, userinfo, confirmation, logout, and
 * {@code start} for share-data or Confirm). The keys are the constants of
 * {@link io.github.itsmejakarta.cdi.ItsmeConfigKeys}; what a request can go through is in
 * {@link io.github.itsmejakarta.cdi.ItsmeCdiMessage} (ids {@code ITSME-172x}-{@code 173x}).
 *
 * <p>Applications extend it with {@link io.github.itsmejakarta.cdi.ItsmeGroupsMapper} beans, their own
 * {@code IdentityStore}s (they receive an {@link io.github.itsmejakarta.cdi.ItsmeCredential}) and
 * {@link io.github.itsmejakarta.cdi.ItsmeAuthenticationParameters} for {@code SecurityContext.authenticate}.
 * Everything under {@code ...cdi.internal} is not API.
 */
package io.github.itsmejakarta.cdi;
