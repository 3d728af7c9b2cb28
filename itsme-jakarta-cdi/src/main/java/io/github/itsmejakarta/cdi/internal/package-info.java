/**
 * The mechanism's collaborators; not API, may change in any release.
 *
 * <p>{@link io.github.itsmejakarta.cdi.internal.SettingsResolver} turns MicroProfile Config and the annotation into
 * the immutable {@link io.github.itsmejakarta.cdi.internal.ItsmeSettings} at deployment; over them the extension
 * builds one {@link io.github.itsmejakarta.cdi.internal.RelyingParty} per deployment, holding the one core client
 * (each login names its own callback URL: {@link io.github.itsmejakarta.cdi.internal.RedirectUris}), the logins in progress (a
 * {@link io.github.itsmejakarta.cdi.internal.LoginStateStore} in the session or a sealed cookie), the request objects
 * waiting for itsme, and the three collaborators the public mechanism dispatches to:
 * {@link io.github.itsmejakarta.cdi.internal.FlowStarter} (to itsme),
 * {@link io.github.itsmejakarta.cdi.internal.CallbackProcessor} (back from itsme) and
 * {@link io.github.itsmejakarta.cdi.internal.RelyingPartyEndpoints} (what itsme fetches from the RP). Each class
 * states its thread-safety; all that a deployment shares is thread-safe.
 */
package io.github.itsmejakarta.cdi.internal;
