/**
 * A local itsme® OpenID provider for development and tests, independent of the relying-party library it tests.
 *
 * <p>Start with {@link io.github.itsmejakarta.testkit.ItsmeSimulator} (embedded, thread-safe, on {@code 127.0.0.1}),
 * {@link io.github.itsmejakarta.testkit.ItsmeSimulatorExtension} (JUnit 5) or
 * {@link io.github.itsmejakarta.testkit.ItsmeSimulatorMain} (the standalone jar). Clients are
 * {@link io.github.itsmejakarta.testkit.SimulatedClient}s with their service codes
 * ({@link io.github.itsmejakarta.testkit.ServiceType}); people are
 * {@link io.github.itsmejakarta.testkit.TestPerson}s, ready-made in
 * {@link io.github.itsmejakarta.testkit.TestPersons}. {@link io.github.itsmejakarta.testkit.SimulatorHooks} make the
 * simulator misbehave on demand; {@link io.github.itsmejakarta.testkit.Leniency} relaxes its strict defaults where
 * itsme is known to be more forgiving.
 *
 * <p>Everything under {@code ...testkit.internal} is not API.
 */
package io.github.itsmejakarta.testkit;
